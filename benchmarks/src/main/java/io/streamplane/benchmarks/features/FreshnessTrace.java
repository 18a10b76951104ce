package io.streamplane.benchmarks.features;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * Where the events of a freshness run are, sampled while it runs, so a run that measures nothing
 * says whether the engine stopped or fell behind, and where: events produced to the source, consumed
 * and committed by the engine, its repartition topics' readable (last stable offset, counting transaction
 * markers) and committed offsets, the tile topic's committed and written records (its last stable offset
 * and high watermark: a gap that stays is a transaction left open) and the tiles the feature server
 * ingested. One line per sample, to stderr with the run's progress.
 */
final class FreshnessTrace implements AutoCloseable {

	private final Admin admin;

	private final String applicationId;

	private final String source;

	private final String tiles;

	private final ServerProcess server;

	/**
	 * @param applicationId the engine's application id (its consumer group)
	 * @param source the source topic
	 * @param tiles the view's tile topic
	 */
	FreshnessTrace(String bootstrapServers, String applicationId, String source, String tiles, ServerProcess server) {
		this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
		this.applicationId = applicationId;
		this.source = source;
		this.tiles = tiles;
		this.server = server;
	}

	/** One sample, e.g. {@code source 120,000 produced / 118,500 committed; tiles 117,900 committed / 118,200 written; 117,800 ingested}. */
	String sample() {
		try {
			List<TopicPartition> sourcePartitions = partitions(source);
			Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(applicationId)
				.partitionsToOffsetAndMetadata().get();
			long consumed = sourcePartitions.stream()
				.mapToLong(partition -> committed.get(partition) == null ? 0 : committed.get(partition).offset())
				.sum();
			List<TopicPartition> repartitions = new ArrayList<>();
			for (String topic : admin.listTopics().names().get()) {
				if (topic.startsWith(applicationId) && topic.endsWith("-repartition")) {
					repartitions.addAll(partitions(topic));
				}
			}
			long repartitionConsumed = repartitions.stream()
				.mapToLong(partition -> committed.get(partition) == null ? 0 : committed.get(partition).offset())
				.sum();
			List<TopicPartition> tilePartitions = partitions(tiles);
			return String.format("source %,d produced / %,d committed by the engine; repartition %,d readable / %,d "
					+ "committed; tiles %,d committed / %,d written; %,d ingested by the feature server",
					end(sourcePartitions, IsolationLevel.READ_UNCOMMITTED), consumed,
					end(repartitions, IsolationLevel.READ_COMMITTED), repartitionConsumed,
					end(tilePartitions, IsolationLevel.READ_COMMITTED), end(tilePartitions, IsolationLevel.READ_UNCOMMITTED),
					server.tilesIngested());
		}
		catch (ExecutionException | RuntimeException ex) {
			return "no sample: " + ex;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "no sample: interrupted";
		}
	}

	private List<TopicPartition> partitions(String topic) throws ExecutionException, InterruptedException {
		return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
			.map(info -> new TopicPartition(topic, info.partition()))
			.toList();
	}

	private long end(List<TopicPartition> partitions, IsolationLevel isolation)
			throws ExecutionException, InterruptedException {
		Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
		partitions.forEach(partition -> latest.put(partition, OffsetSpec.latest()));
		return admin.listOffsets(latest, new ListOffsetsOptions(isolation)).all().get().values().stream()
			.mapToLong(info -> info.offset())
			.sum();
	}

	@Override
	public void close() {
		admin.close();
	}

}
