package io.streamplane.app.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.IntStream;

import io.streamplane.app.StreamplaneApplication;
import io.streamplane.app.testing.ApiClient;
import io.streamplane.app.testing.AdminApiIntegrationTest;
import io.streamplane.app.testing.TestInfrastructure;
import io.streamplane.engine.runtime.PipelineSnapshot;
import io.streamplane.engine.runtime.PipelineSupervisor;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two engine instances share one pipeline: the cached test context's engine and an engine-only
 * context in the same JVM. Kafka's group protocol spreads the input partitions between them, and
 * the committed output holds every result exactly once.
 */
@SpringBootTest(classes = StreamplaneApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class EngineScaleOutIT extends AdminApiIntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int RECORDS = 2_000;

	private static final int WINDOWED_RECORDS = 4_000;

	private static final int KEYS = 20;

	private static final int RECORDS_PER_SECOND = 40;

	private static final long START = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond();

	private static final long FLUSH = START + Duration.ofDays(1).toSeconds();

	private static final Duration WAIT = Duration.ofSeconds(60);

	@Test
	void shouldShareOnePipelineBetweenTwoInstancesWithoutLossOrDuplicates(@Autowired PipelineSupervisor first) {
		Pipeline pipeline = Pipeline.enrichment(EngineLifecycleIT.unique("shared"));
		KafkaTopics.create(pipeline.input(), 4);
		try (ConfigurableApplicationContext second = startEngineOnly("second-engine")) {
			deployOnBothInstances(api, pipeline);

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

	@Test
	void shouldCountEveryWindowExactlyOnceWhenTwoInstancesShareTheKeys(@Autowired PipelineSupervisor first) {
		Pipeline pipeline = windowedCount(EngineLifecycleIT.unique("shared-count"));
		KafkaTopics.create(pipeline.input(), 4);
		try (ConfigurableApplicationContext second = startEngineOnly("second-count-engine")) {
			deployOnBothInstances(api, pipeline);
			Map<String, Long> counts = produceEventsInEventTimeOrder(pipeline);
			await().atMost(WAIT).until(() -> committedInput(pipeline) == WINDOWED_RECORDS);
			List<String> expected = closeEveryWindow(pipeline, counts);

			List<String> counted = KafkaTopics.read(pipeline.output(), expected.size(), WAIT, Duration.ofSeconds(2))
				.stream()
				.map(record -> JSON.readTree(record.value()))
				.map(value -> row(value.path("k").asString(), Instant.parse(value.path("window_start").asString()),
						value.path("count").asLong()))
				.toList();
			assertThat(counted).as("(key, window start, count) rows").containsExactlyInAnyOrderElementsOf(expected);
			assertThat(recordsIn(first, pipeline)).isPositive();
			assertThat(recordsIn(second.getBean(PipelineSupervisor.class), pipeline)).isPositive();
			assertThat(lateRecords(first, pipeline) + lateRecords(second.getBean(PipelineSupervisor.class), pipeline))
				.isZero();
		}
		api.delete(pipeline.path());
	}

	private static void deployOnBothInstances(ApiClient api, Pipeline pipeline) {
		assertThat(api.post("/api/v1/pipelines", "application/yaml", pipeline.spec()).status()).isEqualTo(201);
		await().atMost(WAIT).untilAsserted(() -> assertThat(
				api.get(pipeline.path() + "/status").json().path("instances").valueStream()
					.filter(instance -> instance.path("state").asString().equals("RUNNING"))
					.count()).isEqualTo(2));
	}

	/**
	 * A count per key and 10-second tumbling window of event time, emitted once the window closes.
	 * The lateness spans all the test's events: the two instances write to the same repartition
	 * partitions, one possibly far ahead of the other in event time.
	 */
	private static Pipeline windowedCount(String name) {
		String input = name + "-events";
		String output = name + "-counts";
		String spec = """
				name: %s
				sources:
				  events:
				    kafka: { topic: %s, format: json }
				    eventTime: { field: t, unit: seconds }
				    lateness: 5m
				    fields: { k: string, t: int }
				transforms:
				  counts:
				    from: events
				    steps:
				      - keyBy: k
				      - window: { tumbling: 10s, emit: final }
				        aggregate: { count: "count()" }
				outputs:
				  - { from: counts, kafka: { topic: %s, format: json } }
				""".formatted(name, input, output);
		return new Pipeline(name, input, output, spec);
	}

	/** Produces the events in event-time order; returns the expected count per key and window. */
	private static Map<String, Long> produceEventsInEventTimeOrder(Pipeline pipeline) {
		Map<String, Long> counts = new HashMap<>();
		List<Map.Entry<String, String>> events = new ArrayList<>();
		for (int i = 0; i < WINDOWED_RECORDS; i++) {
			String key = "k" + (i * 7 % KEYS);
			long t = START + i / RECORDS_PER_SECOND;
			events.add(event(key, t));
			counts.merge(key + "@" + Instant.ofEpochSecond(t - t % 10), 1L, Long::sum);
		}
		KafkaTopics.produce(pipeline.input(), events);
		return counts;
	}

	/**
	 * Produces one far-future event per key, which closes every earlier window on every partition;
	 * returns the expected row of each closed window. Called once every earlier event is committed:
	 * under exactly-once their repartition writes are committed with them, so no far-future event
	 * overtakes an earlier one on its way to the window.
	 */
	private static List<String> closeEveryWindow(Pipeline pipeline, Map<String, Long> counts) {
		KafkaTopics.produce(pipeline.input(), IntStream.range(0, KEYS).mapToObj(k -> event("k" + k, FLUSH)).toList());
		return counts.entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue()).toList();
	}

	/** Input offsets the pipeline committed, summed over partitions. */
	private static long committedInput(Pipeline pipeline) throws ExecutionException, InterruptedException {
		try (Admin admin = Admin.create(
				Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.bootstrapServers()))) {
			return admin.listConsumerGroupOffsets("sp-" + pipeline.name() + "-v1")
				.partitionsToOffsetAndMetadata()
				.get()
				.entrySet()
				.stream()
				.filter(entry -> entry.getKey().topic().equals(pipeline.input()) && entry.getValue() != null)
				.mapToLong(entry -> entry.getValue().offset())
				.sum();
		}
	}

	private static Map.Entry<String, String> event(String key, long t) {
		return Map.entry(key, "{\"k\":\"" + key + "\",\"t\":" + t + "}");
	}

	private static String row(String key, Instant windowStart, long count) {
		return key + "@" + windowStart + "=" + count;
	}

	private static long recordsIn(PipelineSupervisor supervisor, Pipeline pipeline) {
		return supervisor.snapshot(pipeline.name()).map(PipelineSnapshot::recordsIn).orElse(0L);
	}

	private static long lateRecords(PipelineSupervisor supervisor, Pipeline pipeline) {
		return supervisor.snapshot(pipeline.name()).map(PipelineSnapshot::lateRecords).orElse(0L);
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
