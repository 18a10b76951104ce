package io.streamplane.rag.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.streamplane.protocol.ConsumerLoop;
import io.streamplane.protocol.index.IndexCodec;
import io.streamplane.protocol.index.IndexFormatException;
import io.streamplane.rag.embed.EmbeddingException;
import io.streamplane.rag.index.ConsumedChange;
import io.streamplane.rag.index.IndexStore;

/**
 * Feeds one index topic into its {@link IndexStore}: assigns every partition (no consumer group), seeks to the
 * offsets of the store's last commit (the beginning for a new index), and applies each poll's records in batches
 * of at most {@code applyBatch} (a few texts per embedding thread), asking for a refresh after each: when the
 * indexer keeps up, a poll brings what arrived during the last batch, usually one such batch; when a backlog
 * builds, its first changes become searchable after one such batch rather than after the whole poll. A
 * retriable embedding failure retries the same batch with a growing pause; a record that breaks the index
 * contract is skipped with a warning. Until the engine created the topic it checks again every two seconds.
 */
final class IndexFollower {

	private static final Logger log = LoggerFactory.getLogger(IndexFollower.class);

	private static final Duration TOPIC_RETRY = Duration.ofSeconds(2);

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

	private static final Duration LAG_INTERVAL = Duration.ofSeconds(1);

	private static final Duration LAG_TIMEOUT = Duration.ofSeconds(5);

	private final IndexStore store;

	private final String topic;

	private final Duration pollTimeout;

	private final int applyBatch;

	private final ConsumerLoop<Consumer<byte[], byte[]>> loop;

	IndexFollower(IndexStore store, String topic, IndexConsumers consumers, Duration pollTimeout, int applyBatch) {
		this.store = store;
		this.topic = topic;
		this.pollTimeout = pollTimeout;
		this.applyBatch = applyBatch;
		String index = store.definition().index();
		this.loop = new ConsumerLoop<>("sp-rag-index-" + index, "index '" + index + "' no longer follows " + topic,
				() -> consumers.forIndex(index), this::follow);
	}

	IndexStore store() {
		return store;
	}

	void start() {
		loop.start();
	}

	/** Stops consuming, then commits and closes the store. */
	void stop() {
		loop.stop(STOP_TIMEOUT);
		store.close();
	}

	private void follow(Consumer<byte[], byte[]> consumer, BooleanSupplier running) {
		List<TopicPartition> partitions = awaitPartitions(consumer, running);
		if (partitions.isEmpty()) {
			return;
		}
		consumer.assign(partitions);
		Map<Integer, Long> next = store.nextOffsets();
		for (TopicPartition partition : partitions) {
			Long offset = next.get(partition.partition());
			if (offset == null) {
				consumer.seekToBeginning(List.of(partition));
			}
			else {
				consumer.seek(partition, offset);
			}
		}
		log.info("Index '{}' follows {} from offsets {}", store.definition().index(), topic, next);
		long lagMeasured = System.nanoTime() - LAG_INTERVAL.toNanos();
		while (running.getAsBoolean()) {
			ConsumerRecords<byte[], byte[]> records = consumer.poll(pollTimeout);
			List<ConsumedChange> changes = changes(records);
			for (int from = 0; from < changes.size() && running.getAsBoolean(); from += applyBatch) {
				applyUntilDone(changes.subList(from, Math.min(from + applyBatch, changes.size())), running);
				store.requestRefresh();
			}
			long now = System.nanoTime();
			if (now - lagMeasured >= LAG_INTERVAL.toNanos()) {
				store.lag(lag(consumer, partitions));
				lagMeasured = now;
			}
		}
	}

	private List<TopicPartition> awaitPartitions(Consumer<byte[], byte[]> consumer, BooleanSupplier running) {
		while (running.getAsBoolean()) {
			try {
				List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
				if (infos != null && !infos.isEmpty()) {
					return infos.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
				}
			}
			catch (TimeoutException ex) {
				log.debug("No metadata of {} yet", topic);
			}
			sleep(TOPIC_RETRY);
		}
		return List.of();
	}

	private List<ConsumedChange> changes(ConsumerRecords<byte[], byte[]> records) {
		List<ConsumedChange> changes = new ArrayList<>(records.count());
		for (ConsumerRecord<byte[], byte[]> record : records) {
			try {
				changes.add(new ConsumedChange(IndexCodec.read(record.key(), record.value()), record.partition(),
						record.offset(), record.timestamp()));
			}
			catch (IndexFormatException ex) {
				log.warn("Skipping the record at {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
						ex.getMessage());
			}
		}
		return changes;
	}

	private void applyUntilDone(List<ConsumedChange> changes, BooleanSupplier running) {
		Duration pause = Duration.ofMillis(200);
		while (running.getAsBoolean()) {
			try {
				store.apply(changes);
				return;
			}
			catch (EmbeddingException ex) {
				if (!ex.isRetriable()) {
					throw ex;
				}
				log.warn("Embedding for index '{}' failed, trying again in {}: {}", store.definition().index(), pause,
						ex.getMessage());
				sleep(pause);
				pause = pause.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30)
						: pause.multipliedBy(2);
			}
		}
	}

	/** Records between the consumer's positions and the ends of the partitions (read_committed: the last stable offsets). */
	private static long lag(Consumer<byte[], byte[]> consumer, List<TopicPartition> partitions) {
		try {
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, LAG_TIMEOUT);
			long lag = 0;
			for (TopicPartition partition : partitions) {
				lag += Math.max(0, ends.getOrDefault(partition, 0L) - consumer.position(partition, LAG_TIMEOUT));
			}
			return lag;
		}
		catch (TimeoutException ex) {
			return -1;
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
