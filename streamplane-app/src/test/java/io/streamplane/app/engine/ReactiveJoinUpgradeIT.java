package io.streamplane.app.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import io.streamplane.app.StreamplaneApplication;
import io.streamplane.app.testing.AdminApiIntegrationTest;
import io.streamplane.app.testing.ApiClient.Response;
import io.streamplane.app.testing.TestInfrastructure;
import io.streamplane.engine.compile.CompiledPipeline;
import io.streamplane.engine.compile.ExistingState;
import io.streamplane.engine.compile.PipelineCompiler;
import io.streamplane.engine.compile.PipelineCounters;
import io.streamplane.spec.SpecFormat;
import io.streamplane.spec.SpecReader;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 14: a reactive stream–table join that an engine before issue 14 ran (events remembered by
 * identity, joined by the foreign-key join) keeps its remembered events when this engine starts the
 * same pipeline version: the engine finds the old layout's changelog and compiles the join the old
 * way, so a change of a user still re-emits the clicks the older engine remembered, although the clicks
 * themselves have expired from their topic. Compiled in the new layout, the join would start empty and
 * the update would re-emit nothing. Likewise a version whose output stored the rows it emitted (before
 * the join recomputed retractions) keeps that store: its join never kept the rows its events were
 * joined with, so in the new layout the update would re-emit the clicks without retracting them.
 */
@SpringBootTest(classes = StreamplaneApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class ReactiveJoinUpgradeIT extends AdminApiIntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration WAIT = Duration.ofSeconds(90);

	private static final String SPEC = """
			name: %s
			sources:
			  clicks: { kafka: { topic: %s } }
			tables:
			  users: { kafka: { topic: %s }, primaryKey: [id] }
			transforms:
			  enriched:
			    from: clicks
			    steps:
			      - join: { table: users, on: user_id }
			      - select: [page, user_id, plan]
			outputs:
			  - { from: enriched, kafka: { topic: %s } }
			""";

	@Test
	void shouldReEmitTheEventsAnOlderEngineRememberedAfterTheEngineUpgrade(@TempDir Path stateDir) throws Exception {
		Pipeline pipeline = Pipeline.withClicks("rjoin-upgrade");
		runAsAnOlderEngine(pipeline, topic -> true, stateDir);
		expire(pipeline.clicks());

		upgradeAndChangeUser1(pipeline);

		assertThat(changes(pipeline.output(), 4)).containsExactlyInAnyOrder("+/pricing:free", "+/docs:free",
				"-/pricing:free", "+/pricing:pro");
	}

	@Test
	void shouldRetractTheEventsAVersionWithAStoreOfEmittedRowsJoinedAfterTheEngineUpgrade(@TempDir Path stateDir)
			throws Exception {
		Pipeline pipeline = Pipeline.withClicks("rjoin-emitted");
		runAsAnOlderEngine(pipeline, ExistingState.of(Set.of("outputs.0.emitted-changelog")), stateDir);

		upgradeAndChangeUser1(pipeline);

		assertThat(changes(pipeline.output(), 4)).containsExactlyInAnyOrder("+/pricing:free", "+/docs:free",
				"-/pricing:free", "+/pricing:pro");
	}

	/** The topics and spec of one test's pipeline: users 1 and 2 on the free plan, a click of each. */
	private record Pipeline(String name, String clicks, String output, String users, String spec) {

		static Pipeline withClicks(String prefix) {
			String name = EngineLifecycleIT.unique(prefix);
			Pipeline pipeline = new Pipeline(name, name + "-clicks", name + "-enriched", name + "-users",
					SPEC.formatted(name, name + "-clicks", name + "-users", name + "-enriched"));
			KafkaTopics.create(pipeline.clicks(), 2);
			KafkaTopics.create(pipeline.users(), 2);
			KafkaTopics.create(pipeline.output(), 2);
			KafkaTopics.produce(pipeline.users(), List.of(user(1, "free"), user(2, "free")));
			KafkaTopics.produce(pipeline.clicks(), List.of(click("a", "/pricing", 1), click("b", "/docs", 2)));
			return pipeline;
		}

	}

	/** Starts the pipeline version on this engine, as after an engine upgrade, and moves user 1 to the pro plan. */
	private void upgradeAndChangeUser1(Pipeline pipeline) {
		Response created = api.post("/api/v1/pipelines", "application/yaml", pipeline.spec());
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		await().atMost(WAIT).until(() -> status(pipeline.name()).path("state").asString().equals("RUNNING"));
		KafkaTopics.produce(pipeline.users(), List.of(user(1, "pro")));
	}

	/**
	 * Runs the pipeline version as an older engine compiled it (the layout of {@code existing}) until both
	 * clicks are joined, then stops it, as an engine upgrade does.
	 */
	private static void runAsAnOlderEngine(Pipeline pipeline, ExistingState existing, Path stateDir) throws Exception {
		CompiledPipeline older = new PipelineCompiler().compile(
				new SpecReader().read(pipeline.spec(), SpecFormat.YAML).spec(), new PipelineCounters(), existing);
		String output = pipeline.output();
		Properties config = new Properties();
		config.put(StreamsConfig.APPLICATION_ID_CONFIG, CompiledPipeline.applicationId(pipeline.name(), 1));
		config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.bootstrapServers());
		config.put(StreamsConfig.STATE_DIR_CONFIG, Files.createDirectories(stateDir.resolve("older")).toString());
		config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
		config.put("consumer.auto.offset.reset", "earliest");
		try (KafkaStreams streams = new KafkaStreams(older.topology(), config)) {
			streams.start();
			assertThat(changes(output, 2)).containsExactlyInAnyOrder("+/pricing:free", "+/docs:free");
			streams.close(Duration.ofSeconds(30));
		}
	}

	/**
	 * Deletes every record of {@code topic}, as retention does in time: then only the join's state still
	 * knows the clicks, and a layout that did not find that state could not rebuild it by reading them again.
	 */
	private static void expire(String topic) throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
				TestInfrastructure.bootstrapServers()))) {
			Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
			for (int partition = 0; partition < 2; partition++) {
				partitions.put(new TopicPartition(topic, partition), OffsetSpec.latest());
			}
			Map<TopicPartition, RecordsToDelete> everything = new HashMap<>();
			admin.listOffsets(partitions).all().get().forEach((partition, latest) ->
					everything.put(partition, RecordsToDelete.beforeOffset(latest.offset())));
			admin.deleteRecords(everything).all().get();
		}
	}

	/** The changes on the output as {@code <op><page>:<plan>}; waits for {@code expected}, then a little longer for any surplus. */
	private static List<String> changes(String topic, int expected) {
		List<String> changes = new ArrayList<>();
		for (ConsumerRecord<String, String> record : KafkaTopics.read(topic, expected, WAIT, Duration.ofSeconds(2))) {
			JsonNode value = JSON.readTree(record.value());
			changes.add(value.path("op").asString() + value.path("page").asString() + ":" + value.path("plan").asString());
		}
		return changes;
	}

	private JsonNode status(String pipeline) {
		return api.get("/api/v1/pipelines/" + pipeline + "/status").json();
	}

	private static Map.Entry<String, String> user(int id, String plan) {
		return Map.entry("{\"id\": " + id + "}", "{\"id\": " + id + ", \"plan\": \"" + plan + "\"}");
	}

	private static Map.Entry<String, String> click(String key, String page, int user) {
		return Map.entry(key, "{\"page\": \"" + page + "\", \"user_id\": " + user + "}");
	}

}
