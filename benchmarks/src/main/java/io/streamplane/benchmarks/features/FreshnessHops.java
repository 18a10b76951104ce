package io.streamplane.benchmarks.features;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import io.streamplane.benchmarks.harness.BenchmarkException;

/**
 * Where a probe's freshness goes, hop by hop ({@code --freshness-hops=true}): two consumers outside any group, one
 * {@code read_uncommitted} and one {@code read_committed}, read the source, the engine's repartition topics and the
 * tile topic from their ends and note when each probe entity first shows in each: appended to the source, written
 * to the repartition topic, committed there, written to the tile topic, committed there. With the time it was
 * visible in {@code GET /features} ({@link FreshnessRun}) that splits produced → visible into the producer, the
 * engine's first hop and its commit, its second hop and its commit, and the feature server's ingest. Each time is
 * up to one fetch of these consumers late (their fetches return as soon as a record is there). They read every
 * record, so the broker works harder while they run: use them for a breakdown, not for the figure itself.
 */
final class FreshnessHops implements AutoCloseable {

	/** The stages, in the order a probe passes them. */
	enum Stage {

		SOURCE("source appended"), REPARTITION_WRITTEN("repartition written"),
		REPARTITION_COMMITTED("repartition committed"), TILE_WRITTEN("tile written"),
		TILE_COMMITTED("tile committed");

		private final String label;

		Stage(String label) {
			this.label = label;
		}

	}

	private static final Pattern PROBE = Pattern.compile("probe-\\d+");

	private final Map<Stage, Map<String, Long>> seen = new ConcurrentHashMap<>();

	private final List<Thread> readers = new ArrayList<>();

	private final List<KafkaConsumer<byte[], byte[]>> consumers = new ArrayList<>();

	private FreshnessHops() {
		for (Stage stage : Stage.values()) {
			seen.put(stage, new ConcurrentHashMap<>());
		}
	}

	/**
	 * Starts reading from the current ends of the topics.
	 *
	 * @param applicationId the engine's application id (prefix of its repartition topics)
	 */
	static FreshnessHops start(String bootstrapServers, String applicationId, String source, String tiles) {
		FreshnessHops hops = new FreshnessHops();
		List<String> repartitions = repartitionTopics(bootstrapServers, applicationId);
		hops.read(bootstrapServers, "read_uncommitted", Map.of(source, Stage.SOURCE, tiles, Stage.TILE_WRITTEN),
				repartitions, Stage.REPARTITION_WRITTEN);
		hops.read(bootstrapServers, "read_committed", Map.of(tiles, Stage.TILE_COMMITTED), repartitions,
				Stage.REPARTITION_COMMITTED);
		return hops;
	}

	private void read(String bootstrapServers, String isolation, Map<String, Stage> topics, List<String> repartitions,
			Stage repartitionStage) {
		KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
				ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation,
				ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new ByteArrayDeserializer(), new ByteArrayDeserializer());
		Map<String, Stage> stages = new ConcurrentHashMap<>(topics);
		repartitions.forEach(topic -> stages.put(topic, repartitionStage));
		List<TopicPartition> partitions = new ArrayList<>();
		stages.keySet().forEach(topic -> consumer.partitionsFor(topic)
			.forEach(info -> partitions.add(new TopicPartition(topic, info.partition()))));
		consumer.assign(partitions);
		consumer.seekToEnd(partitions);
		partitions.forEach(consumer::position);
		consumers.add(consumer);
		readers.add(Thread.ofPlatform().daemon().name("fresh-hops-" + isolation).start(() -> {
			try {
				while (!Thread.currentThread().isInterrupted()) {
					for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
						note(stages.get(record.topic()), record.key());
					}
				}
			}
			catch (WakeupException ex) {
				// closing
			}
		}));
	}

	private void note(Stage stage, byte[] key) {
		if (key == null) {
			return;
		}
		Matcher probe = PROBE.matcher(new String(key, StandardCharsets.UTF_8));
		if (probe.find()) {
			seen.get(stage).putIfAbsent(probe.group(), System.nanoTime());
		}
	}

	/**
	 * The latency from each probe's send to each stage and to {@code visible}, one row per stage that saw a probe.
	 *
	 * @param sent send time ({@link System#nanoTime}) of each measured probe entity
	 * @param visible the time each of them was visible in GET
	 */
	List<Latency> latencies(Map<String, Long> sent, Map<String, Long> visible) {
		List<Latency> rows = new ArrayList<>();
		for (Stage stage : Stage.values()) {
			Histogram histogram = Latency.histogram();
			sent.forEach((entity, sentNanos) -> {
				Long at = seen.get(stage).get(entity);
				if (at != null) {
					histogram.recordValue(Math.max(0, at - sentNanos));
				}
			});
			if (histogram.getTotalCount() > 0) {
				rows.add(Latency.of("freshness hop: produced → " + stage.label, histogram, sent.size()
						- histogram.getTotalCount(), 0));
			}
		}
		Histogram ingest = Latency.histogram();
		visible.forEach((entity, at) -> {
			Long committed = seen.get(Stage.TILE_COMMITTED).get(entity);
			if (committed != null) {
				ingest.recordValue(Math.max(0, at - committed));
			}
		});
		rows.add(Latency.of("freshness hop: tile committed → visible in GET", ingest, 0, 0));
		return rows;
	}

	private static List<String> repartitionTopics(String bootstrapServers, String applicationId) {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
			return admin.listTopics().names().get().stream()
				.filter(topic -> topic.startsWith(applicationId) && topic.endsWith("-repartition"))
				.toList();
		}
		catch (Exception ex) {
			throw new BenchmarkException("Cannot list the engine's repartition topics: " + ex.getMessage(), ex);
		}
	}

	@Override
	public void close() {
		consumers.forEach(KafkaConsumer::wakeup);
		for (Thread reader : readers) {
			try {
				reader.join(Duration.ofSeconds(10));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		consumers.forEach(KafkaConsumer::close);
	}

}
