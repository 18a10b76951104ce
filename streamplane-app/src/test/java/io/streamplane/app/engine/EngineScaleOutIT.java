package io.streamplane.app.engine;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.streamplane.app.StreamplaneApplication;
import io.streamplane.app.testing.ApiClient;
import io.streamplane.app.testing.StreamplaneIntegrationTest;
import io.streamplane.app.testing.TestInfrastructure;
import io.streamplane.engine.runtime.PipelineSnapshot;
import io.streamplane.engine.runtime.PipelineSupervisor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(classes = StreamplaneApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class EngineScaleOutIT extends StreamplaneIntegrationTest {

	private static final int RECORDS = 2_000;

	private static final Duration WAIT = Duration.ofSeconds(60);

	@LocalServerPort
	int port;

	@Test
	void shouldShareOnePipelineBetweenTwoInstancesWithoutLossOrDuplicates(@Autowired PipelineSupervisor first) {
		ApiClient api = ApiClient.admin(port, ADMIN_TOKEN);
		Pipeline pipeline = Pipeline.enrichment(EngineLifecycleIT.unique("shared"));
		KafkaTopics.create(pipeline.input(), 4);
		try (ConfigurableApplicationContext second = startEngineOnly("second-engine")) {
			assertThat(api.post("/api/v1/pipelines", "application/yaml", pipeline.spec()).status()).isEqualTo(201);
			await().atMost(WAIT).untilAsserted(() -> assertThat(
					api.get(pipeline.path() + "/status").json().path("instances").valueStream()
						.filter(instance -> instance.path("state").asString().equals("RUNNING"))
						.count()).isEqualTo(2));

			KafkaTopics.produce(pipeline.input(), IntStream.range(0, RECORDS)
				.mapToObj(id -> EngineLifecycleIT.payment(id, id * 1.5))
				.toList());

			List<ConsumerRecord<String, String>> output = KafkaTopics.read(pipeline.output(), RECORDS, WAIT,
					Duration.ofSeconds(2));
			assertThat(output).hasSize(RECORDS);
			assertThat(output).extracting(ConsumerRecord::key).doesNotHaveDuplicates();
			assertThat(recordsIn(first, pipeline)).isPositive();
			assertThat(recordsIn(second.getBean(PipelineSupervisor.class), pipeline)).isPositive();
		}
		api.delete(pipeline.path());
	}

	private static long recordsIn(PipelineSupervisor supervisor, Pipeline pipeline) {
		return supervisor.snapshot(pipeline.name()).map(PipelineSnapshot::recordsIn).orElse(0L);
	}

	/** A second engine in this JVM: engine role only, no database, its own id and state directory. */
	static ConfigurableApplicationContext startEngineOnly(String instanceId) {
		Map<String, String> properties = new HashMap<>(ENGINE_TEST_PROPERTIES);
		properties.put("streamplane.roles", "engine");
		properties.put("streamplane.standalone.enabled", "false");
		properties.put("spring.kafka.bootstrap-servers", TestInfrastructure.bootstrapServers());
		properties.put("streamplane.engine.instance-id", instanceId);
		properties.put("streamplane.engine.state-dir", TestInfrastructure.newDataDir().toString());
		properties.put("server.port", "0");
		String[] arguments = properties.entrySet()
			.stream()
			.map(property -> "--" + property.getKey() + "=" + property.getValue())
			.toArray(String[]::new);
		return new SpringApplicationBuilder(StreamplaneApplication.class).run(arguments);
	}

}
