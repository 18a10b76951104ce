package io.streamplane.engine.runtime;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.streamplane.engine.compile.CompiledPipeline;
import io.streamplane.engine.compile.FinalWindows;
import io.streamplane.engine.compile.PipelineCounters;
import io.streamplane.protocol.DesiredState;
import io.streamplane.protocol.PipelineState;
import io.streamplane.spec.PipelineSpec;
import io.streamplane.spec.SpecFormat;
import io.streamplane.spec.SpecReader;
import io.streamplane.spec.SpecVersions;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;

/**
 * The supervisor's lifecycle without a broker: the regression test for EngineScaleOutIT timing out (one
 * pipeline's deletion blocked every other pipeline), and the state and lag gauges of a pipeline.
 */
class PipelineSupervisorTest {

	private static final SpecReader SPECS = new SpecReader();

	private static final SpecVersions VERSIONS = new SpecVersions();

	private final CountDownLatch slowDeletionStarted = new CountDownLatch(1);

	private final CountDownLatch slowDeletionMayFinish = new CountDownLatch(1);

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private PipelineSupervisor supervisor;

	@AfterEach
	void stop() {
		slowDeletionMayFinish.countDown();
		supervisor.stop();
	}

	@Test
	void shouldStartAPipelineWhileAnotherIsStillBeingDeleted(@TempDir Path stateDir) throws InterruptedException {
		supervisor = new PipelineSupervisor(services(stateDir, this::compileSlowlyWhenDeleting));

		supervisor.apply(desired("slow", PipelineState.DELETED));
		assertThat(slowDeletionStarted.await(10, TimeUnit.SECONDS)).isTrue();
		supervisor.apply(desired("fast", PipelineState.RUNNING));

		await().atMost(Duration.ofSeconds(2))
			.untilAsserted(() -> assertThat(supervisor.snapshot("fast")).hasValueSatisfying(
					snapshot -> assertThat(snapshot.lastError()).contains("not compiled in this test")));
		assertThat(slowDeletionMayFinish.getCount()).as("the slow deletion is still running").isOne();
	}

	@Test
	void shouldShowAPipelineThatCannotBeCompiledAsFailedInItsStateGauge(@TempDir Path stateDir) {
		supervisor = new PipelineSupervisor(services(stateDir, this::compileSlowlyWhenDeleting));

		supervisor.apply(desired("broken", PipelineState.RUNNING));

		await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(stateGauge("broken", RunState.FAILED))
			.isOne());
		assertThat(registry.find("streamplane.pipeline.state").tag("pipeline", "broken").gauges())
			.as("one gauge per state").hasSize(RunState.values().length)
			.filteredOn(gauge -> gauge.value() == 1).hasSize(1);
		assertThat(stateGauge("broken", RunState.RUNNING)).isZero();
		assertThat(registry.get("streamplane.pipeline.lag").tag("pipeline", "broken").gauge().value()).isZero();
	}

	private double stateGauge(String pipeline, RunState state) {
		return registry.get("streamplane.pipeline.state").tag("pipeline", pipeline).tag("state", state.name())
			.gauge()
			.value();
	}

	private CompiledPipeline compileSlowlyWhenDeleting(
			PipelineSpec spec, PipelineCounters counters, FinalWindows finalWindows) {
		if (spec.name().equals("slow")) {
			slowDeletionStarted.countDown();
			try {
				slowDeletionMayFinish.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		throw new IllegalArgumentException("not compiled in this test");
	}

	private EngineServices services(Path stateDir, TopologyCompiler compiler) {
		EngineProperties properties = new EngineProperties("test-engine", stateDir, Duration.ofMillis(100),
				new EngineProperties.Restart(Duration.ofMillis(100), Duration.ofSeconds(1), 1), 1, Optional.empty(),
				-1, 0, Duration.ofSeconds(1));
		return new EngineServices(properties, compiler, new StreamsSettings(Map.of(), properties),
				new PipelineTopics(mock(Admin.class), -1), registry, Executors.newCachedThreadPool(),
				Executors.newSingleThreadScheduledExecutor(), pipeline -> Optional.empty());
	}

	private static DesiredVersion desired(String pipeline, PipelineState state) {
		String spec = """
				name: %s
				sources:
				  in: { kafka: { topic: %s-in, format: json }, fields: { id: int } }
				outputs:
				  - { from: in, kafka: { topic: %s-out, format: json } }
				""".formatted(pipeline, pipeline, pipeline);
		return DesiredVersion.of(new DesiredState(pipeline, 1, state, SPECS.read(spec, SpecFormat.YAML).document(),
				Instant.now()), VERSIONS);
	}

}
