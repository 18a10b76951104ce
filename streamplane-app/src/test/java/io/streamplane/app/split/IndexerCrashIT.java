package io.streamplane.app.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;

import io.streamplane.app.testing.ApiClient.Response;
import io.streamplane.app.testing.AcknowledgedSends;
import io.streamplane.app.testing.TestInfrastructure;
import io.streamplane.protocol.DesiredState;
import io.streamplane.protocol.PipelineState;
import io.streamplane.protocol.Topics;
import io.streamplane.protocol.WritableTopics;
import io.streamplane.rag.chunk.Chunker;
import io.streamplane.spec.Chunking;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 13: a rag-indexer in a JVM of its own is killed ({@code kill -9}) while it indexes rows (2,000, or
 * {@code -Dindexer-crash-it.rows}) and their
 * updates and deletes; restarted on the same data directory it resumes from the offsets in its last Lucene
 * commit, and the index then equals the table: every row present with its latest version, none deleted, and
 * exactly the chunks of the latest texts (0 missing, 0 stale, 0 duplicate). The test writes the index topic as
 * the engine does (transactions, key = primary key JSON, tombstone = delete), so the table is the last change
 * of each key. Process logs are in {@code target/indexer-crash-it/}.
 */
class IndexerCrashIT {

	private static final Path LOGS = Path.of("target", "indexer-crash-it");

	private static final Duration WAIT = Duration.ofMinutes(15);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * Rows inserted: 2,000 by default, so that the test passes on a busy 2-core machine with the unbatched
	 * in-process model (about 20 chunks/s under a load of 30); {@code -Dindexer-crash-it.rows=10000} runs the
	 * issue's acceptance size.
	 */
	private static final int ROWS = Integer.getInteger("indexer-crash-it.rows", 2_000);

	private static final Chunking CHUNKING = new Chunking(32, 4);

	private final List<RoleProcess> processes = new ArrayList<>();

	private DesiredState published;

	/**
	 * Stops the processes and deletes the pipeline: it reads {@code public.documents}, a table that does not exist
	 * in the shared database, and the engines of later test classes would otherwise fail to capture it (their
	 * {@code cdc} health DOWN).
	 */
	@AfterEach
	void stop() throws Exception {
		processes.forEach(RoleProcess::close);
		if (published != null) {
			publish(new DesiredState(published.pipeline(), published.version(), PipelineState.DELETED, published.spec(),
					Instant.now()));
		}
	}

	@Test
	void shouldEqualTheTableAfterAKillMidIndexing() throws Exception {
		String suffix = Long.toString(System.nanoTime(), 36);
		String pipeline = "crash-" + suffix;
		String index = "crash_docs_" + suffix;
		String topic = "sp.index." + pipeline + "." + index;
		createTopics(topic);
		published = publishPipeline(pipeline, index);
		Map<Integer, String> table = produceChanges(topic);
		long expectedChunks = table.values().stream().mapToLong(text -> new Chunker(CHUNKING).chunk(text).size()).sum();

		Path dataDir = TestInfrastructure.newDataDir();
		RoleProcess first = start("indexer-1", dataDir);
		await().atMost(WAIT).pollInterval(Duration.ofMillis(200))
			.until(() -> statistics(first, index).map(s -> s.path("rows").asLong() >= ROWS / 5).orElse(false));
		first.kill();

		RoleProcess second = start("indexer-2", dataDir);
		await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			Optional<JsonNode> learnt = statistics(second, index);
			assertThat(learnt).as("the restarted indexer has learnt index %s", index).isPresent();
			JsonNode statistics = learnt.get();
			assertThat(statistics.path("lag").asLong()).as("%s", statistics).isZero();
			assertThat(statistics.path("rows").asLong()).as("%s", statistics).isEqualTo(table.size());
		});

		JsonNode statistics = statistics(second, index).orElseThrow();
		assertThat(statistics.path("chunks").asLong()).as("no duplicate and no stale chunk").isEqualTo(expectedChunks);
		assertThat(Files.readString(second.log())).as("the restarted indexer resumed from its last commit")
			.containsPattern("Index '" + index + "' follows " + Pattern.quote(topic) + " from offsets \\{\\d");
		Map<Integer, String> indexed = new HashMap<>();
		for (JsonNode row : second.api().get("/search/" + index + "/v1/inputs").json()) {
			assertThat(indexed.put(row.path("doc_id").asInt(), row.path("version").asString()))
				.as("row %s once", row.path("doc_id")).isNull();
		}
		Map<Integer, String> expectedVersions = new HashMap<>();
		table.forEach((id, text) -> expectedVersions.put(id, version(text)));
		assertThat(indexed).as("0 missing, 0 deleted, 0 stale rows").isEqualTo(expectedVersions);
	}

	private RoleProcess start(String name, Path dataDir) {
		int port = TestInfrastructure.freePort();
		RoleProcess process = RoleProcess.start(name, port, LOGS, Map.of("streamplane.roles", "rag-indexer",
				"spring.kafka.bootstrap-servers", TestInfrastructure.bootstrapServers(),
				"streamplane.standalone.enabled", "false", "streamplane.rag-indexer.data-dir", dataDir.toString(),
				"streamplane.rag-indexer.commit-interval", "300ms", "streamplane.rag-indexer.batch-size", "128",
				"streamplane.rag-indexer.poll-timeout", "100ms"));
		processes.add(process);
		return process.awaitReady();
	}

	/** The index's statistics, once the indexer learnt the index from the pipeline. */
	private static Optional<JsonNode> statistics(RoleProcess process, String index) {
		Response response = process.api().get("/search/" + index);
		return response.status() == 200 ? Optional.of(response.json()) : Optional.empty();
	}

	private static String text(int id, int version) {
		StringBuilder text = new StringBuilder("Row " + id + " version " + version + " is about streams.");
		if ((id + version) % 10 == 0) {
			for (int sentence = 0; sentence < 8; sentence++) {
				text.append(" Sentence ").append(sentence).append(" of row ").append(id)
					.append(" explains how tables become indexes.");
			}
		}
		return text.toString();
	}

	private static String version(String text) {
		return text.split(" ")[3];
	}

	/** Inserts every row, updates every third (changing how many chunks it has), deletes every fifth. */
	private static Map<Integer, String> produceChanges(String topic) {
		Map<Integer, String> table = new LinkedHashMap<>();
		List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
		for (int id = 0; id < ROWS; id++) {
			records.add(upsert(topic, id, text(id, 1), table));
		}
		for (int id = 0; id < ROWS; id += 3) {
			records.add(upsert(topic, id, text(id, 2), table));
		}
		for (int id = 1; id < ROWS; id += 5) {
			table.remove(id);
			records.add(new ProducerRecord<byte[], byte[]>(topic, null, Instant.now().toEpochMilli(), key(id), (byte[]) null));
		}
		try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
				ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.bootstrapServers(),
				ProducerConfig.TRANSACTIONAL_ID_CONFIG, "indexer-crash-it-" + topic),
				new ByteArraySerializer(), new ByteArraySerializer())) {
			AcknowledgedSends<byte[], byte[]> sends = AcknowledgedSends.of(producer);
			producer.initTransactions();
			for (int from = 0; from < records.size(); from += 500) {
				producer.beginTransaction();
				records.subList(from, Math.min(records.size(), from + 500)).forEach(sends::send);
				producer.commitTransaction();
			}
			sends.awaitAcknowledged();
		}
		return table;
	}

	private static ProducerRecord<byte[], byte[]> upsert(String topic, int id, String text, Map<Integer, String> table) {
		table.put(id, text);
		byte[] value = JSON.writeValueAsBytes(Map.of("text", text, "metadata", Map.of("version", version(text))));
		return new ProducerRecord<>(topic, null, Instant.now().toEpochMilli(), key(id), value);
	}

	private static byte[] key(int id) {
		return ("{\"doc_id\":" + id + "}").getBytes(StandardCharsets.UTF_8);
	}

	private static void createTopics(String topic) throws InterruptedException, ExecutionException {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
				TestInfrastructure.bootstrapServers()))) {
			try {
				admin.createTopics(List.of(new NewTopic(Topics.PIPELINES, Optional.of(1), Optional.empty())
					.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)))).all().get();
			}
			catch (ExecutionException ex) {
				if (!(ex.getCause() instanceof TopicExistsException)) {
					throw ex;
				}
			}
			admin.createTopics(List.of(new NewTopic(topic, Optional.of(3), Optional.empty())
				.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)))).all().get();
			WritableTopics.await(admin, List.of(Topics.PIPELINES, topic), TestInfrastructure.WRITABLE);
		}
	}

	private static DesiredState publishPipeline(String pipeline, String index) throws Exception {
		JsonNode spec = JSON.readTree("""
				{"name": "%s", "tables": {"documents": {"postgresCdc": {"table": "public.documents"},
				 "primaryKey": ["doc_id"]}},
				 "indexes": [{"name": "%s", "from": "documents", "text": "body", "metadata": ["version"],
				 "chunking": {"maxTokens": %d, "overlap": %d}}]}
				""".formatted(pipeline, index, CHUNKING.maxTokens(), CHUNKING.overlap()));
		DesiredState desired = new DesiredState(pipeline, 1, PipelineState.RUNNING, spec, Instant.now());
		publish(desired);
		return desired;
	}

	private static void publish(DesiredState desired) throws Exception {
		try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
				ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.bootstrapServers()),
				new ByteArraySerializer(), new ByteArraySerializer())) {
			producer.send(new ProducerRecord<>(Topics.PIPELINES, desired.pipeline().getBytes(StandardCharsets.UTF_8),
					JSON.writeValueAsBytes(desired))).get();
		}
	}

}
