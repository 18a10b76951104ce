package io.streamplane.engine.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import io.streamplane.engine.compile.CompiledPipeline;
import io.streamplane.engine.compile.ExistingState;
import io.streamplane.protocol.TopicsNotWritableException;
import io.streamplane.protocol.WritableTopics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.GroupNotEmptyException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka topics and consumer group of a pipeline: checks that its inputs exist, creates its
 * outputs and dead-letter topic, and removes what a stopped version leaves behind. Internal topics
 * are named from the version's topology, never by prefix, so one pipeline's clean-up cannot touch
 * another's topics.
 */
final class PipelineTopics implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(PipelineTopics.class);

	private static final Duration TIMEOUT = Duration.ofSeconds(15);

	private static final int GROUP_DELETE_ATTEMPTS = 5;

	private static final Duration GROUP_DELETE_RETRY = Duration.ofSeconds(1);

	private final Admin admin;

	private final int replicationFactor;

	PipelineTopics(Admin admin, int replicationFactor) {
		this.admin = admin;
		this.replicationFactor = replicationFactor;
	}

	/**
	 * How long an index topic keeps a delete (a tombstone) after compaction could drop it: an indexer offline
	 * for longer might miss the delete of a row it holds. A week, seven times Kafka's default.
	 */
	static final Duration INDEX_DELETE_RETENTION = Duration.ofDays(7);

	/**
	 * Creates missing output, tile, index and dead-letter topics, with as many partitions as the largest input.
	 * Tile topics are keyed by entity, one entity having many tiles, so they are never compacted: they
	 * delete by time, keeping records as long as {@link CompiledPipeline#tileTopics()} says, measured from
	 * when the broker appended them ({@code LogAppendTime}): the record timestamps the engine sets are event
	 * times, which for a replay of history would expire the tiles at once. Index topics are keyed by row and
	 * compacted, so the latest change of every row stays and a new indexer rebuilds from the beginning; a delete
	 * stays {@link #INDEX_DELETE_RETENTION}.
	 * @return the input topics that do not exist; nothing is created unless this is empty
	 */
	Set<String> prepare(CompiledPipeline pipeline) {
		Set<String> existing = existingTopics();
		Set<String> missingInputs = new TreeSet<>(pipeline.inputTopics());
		missingInputs.removeAll(existing);
		if (!missingInputs.isEmpty()) {
			return missingInputs;
		}
		int partitions = get(admin.describeTopics(pipeline.inputTopics()).allTopicNames()).values()
			.stream()
			.mapToInt(description -> description.partitions().size())
			.max()
			.orElse(1);
		Set<String> toCreate = new TreeSet<>(pipeline.outputTopics());
		toCreate.add(pipeline.deadLetterTopic());
		toCreate.removeAll(existing);
		Optional<Short> replication = replicationFactor < 0 ? Optional.empty()
				: Optional.of((short) replicationFactor);
		List<NewTopic> topics = toCreate.stream()
			.map(topic -> new NewTopic(topic, Optional.of(partitions), replication))
			.toList();
		List<NewTopic> tiles = pipeline.tileTopics().entrySet().stream()
			.filter(tile -> !existing.contains(tile.getKey()))
			.map(tile -> new NewTopic(tile.getKey(), Optional.of(partitions), replication).configs(Map.of(
					TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
					TopicConfig.RETENTION_MS_CONFIG, Long.toString(tile.getValue().toMillis()),
					TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime")))
			.toList();
		List<NewTopic> indexes = pipeline.indexTopics().stream()
			.filter(topic -> !existing.contains(topic))
			.map(topic -> new NewTopic(topic, Optional.of(partitions), replication).configs(Map.of(
					TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
					TopicConfig.DELETE_RETENTION_MS_CONFIG, Long.toString(INDEX_DELETE_RETENTION.toMillis()))))
			.toList();
		List<NewTopic> all = new ArrayList<>(topics);
		all.addAll(tiles);
		all.addAll(indexes);
		admin.createTopics(all).values().forEach((topic, created) -> ignoring(created, TopicExistsException.class));
		awaitWritable(all.stream().map(NewTopic::name).toList());
		return Set.of();
	}

	/**
	 * Waits until the created topics accept writes: the engine's producers write to them right away, and an
	 * idempotent producer that meets a partition whose leader is not ready can drop a batch (KAFKA-15591).
	 */
	private void awaitWritable(List<String> created) {
		try {
			WritableTopics.await(admin, created, TIMEOUT);
		}
		catch (TopicsNotWritableException ex) {
			throw EngineException.retriable("new topics of the pipeline are " + ex.getMessage(), ex);
		}
	}

	/** Deletes the existing changelog and repartition topics of an application. */
	void deleteInternalTopics(String applicationId, Topology topology) {
		Set<String> internal = internalTopics(applicationId, topology.describe());
		internal.retainAll(existingTopics());
		if (internal.isEmpty()) {
			return;
		}
		log.info("Deleting internal topics of {}: {}", applicationId, internal);
		admin.deleteTopics(internal)
			.topicNameValues()
			.values()
			.forEach(deleted -> ignoring(deleted, UnknownTopicOrPartitionException.class));
	}

	/**
	 * Deletes an application's consumer group, retrying for a few seconds while members are still
	 * leaving. A group that other instances still belong to is left alone: the last instance to
	 * leave deletes it.
	 */
	void deleteGroup(String applicationId) {
		for (int attempt = 1;; attempt++) {
			try {
				get(admin.deleteConsumerGroups(List.of(applicationId)).all());
				return;
			}
			catch (EngineException ex) {
				if (ex.getCause() instanceof GroupIdNotFoundException) {
					return;
				}
				if (!(ex.getCause() instanceof GroupNotEmptyException) || attempt == GROUP_DELETE_ATTEMPTS) {
					log.info("Consumer group {} not deleted: {}", applicationId, ex.getMessage());
					return;
				}
			}
			pause(GROUP_DELETE_RETRY);
		}
	}

	private static void pause(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	static Set<String> internalTopics(String applicationId, TopologyDescription description) {
		Set<String> topics = new HashSet<>();
		for (TopologyDescription.Subtopology subtopology : description.subtopologies()) {
			for (TopologyDescription.Node node : subtopology.nodes()) {
				if (node instanceof TopologyDescription.Processor processor) {
					processor.stores().forEach(store -> topics.add(applicationId + "-" + store + "-changelog"));
				}
				if (node instanceof TopologyDescription.Source source && source.topicSet() != null) {
					source.topicSet()
						.stream()
						.filter(PipelineTopics::isInternal)
						.map(topic -> topic.startsWith(applicationId + "-") ? topic : applicationId + "-" + topic)
						.forEach(topics::add);
				}
			}
		}
		return topics;
	}

	/** Repartition topics, and the subscription topics of foreign-key joins, which are repartition topics too. */
	private static boolean isInternal(String topic) {
		return topic.endsWith("-repartition") || topic.endsWith("-subscription-registration-topic")
				|| topic.endsWith("-subscription-response-topic");
	}

	/**
	 * The internal topics of {@code applicationId} that exist, named without its prefix, for the
	 * compiler to keep the state layout an older engine created ({@link ExistingState}). Only exact
	 * names are asked, so another application sharing the prefix cannot be mistaken for this one. The
	 * topics are listed on the first question, once: a pipeline without such steps never asks.
	 * @throws EngineException (retriable) from a question, when Kafka does not answer
	 */
	ExistingState existingState(String applicationId) {
		String prefix = applicationId + "-";
		AtomicReference<Set<String>> existing = new AtomicReference<>();
		return name -> {
			boolean exists = existing.updateAndGet(listed -> listed != null ? listed : existingTopics())
				.contains(prefix + name);
			if (exists) {
				log.info("{} keeps the state layout it started with: its internal topic {} exists", applicationId,
						prefix + name);
			}
			return exists;
		};
	}

	private Set<String> existingTopics() {
		return get(admin.listTopics().names());
	}

	private static void ignoring(KafkaFuture<?> future, Class<? extends Exception> harmless) {
		try {
			get(future);
		}
		catch (EngineException ex) {
			if (!harmless.isInstance(ex.getCause())) {
				throw ex;
			}
		}
	}

	private static <T> T get(KafkaFuture<T> future) {
		try {
			return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw EngineException.retriable("interrupted while waiting for Kafka", ex);
		}
		catch (ExecutionException ex) {
			throw EngineException.retriable("Kafka admin request failed: " + ex.getCause().getMessage(),
					ex.getCause());
		}
		catch (TimeoutException ex) {
			throw EngineException.retriable("no answer from Kafka within " + TIMEOUT.toSeconds()
					+ "s; check spring.kafka.bootstrap-servers and that the brokers are up", ex);
		}
	}

	@Override
	public void close() {
		admin.close(Duration.ofSeconds(5));
	}

}
