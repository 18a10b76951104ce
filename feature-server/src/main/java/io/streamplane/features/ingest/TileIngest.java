package io.streamplane.features.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

import io.streamplane.features.ConsumedTile;
import io.streamplane.features.FeatureServerException;
import io.streamplane.features.ServedView;
import io.streamplane.features.FeatureViews;
import io.streamplane.features.TileStore;
import io.streamplane.protocol.ConsumerLoop;

/**
 * Consumes every partition of the tile topics ({@link TileRecords#TOPICS}) into the {@link TileStore}
 * on one thread. It uses no consumer group: each feature server holds every tile, and resumes from the
 * offsets the store wrote atomically with the tiles (from the beginning for a new store). The topic list
 * is read again every {@code topicRefreshInterval}; tiles are pruned every {@code pruneInterval}.
 * Malformed records are logged, counted ({@link #malformedRecords()}) and skipped.
 */
public final class TileIngest implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(TileIngest.class);

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

	private final TileStore store;

	private final FeatureViews views;

	private final Settings settings;

	private final AtomicLong malformed = new AtomicLong();

	private final ConsumerLoop<Consumer<String, byte[]>> loop;

	private final IngestListener listener;

	/**
	 * How often the ingest loop polls, refreshes topics and prunes.
	 *
	 * @param pollTimeout longest wait of one poll
	 * @param topicRefreshInterval how often the topic list is read again
	 * @param pruneInterval how often each view is pruned to its retention
	 */
	public record Settings(Duration pollTimeout, Duration topicRefreshInterval, Duration pruneInterval) {
	}

	/**
	 * @param consumers creates the consumer (read_committed, no group, no auto-commit); called on start
	 * @param store where tiles and offsets go
	 * @param views the views to prune
	 * @param settings timings
	 * @param listener told of applied tiles, malformed records and the lag (e.g. for metrics)
	 */
	public TileIngest(Supplier<Consumer<String, byte[]>> consumers, TileStore store, FeatureViews views,
			Settings settings, IngestListener listener) {
		this.store = store;
		this.listener = listener;
		this.views = views;
		this.settings = settings;
		this.loop = new ConsumerLoop<>("sp-feature-ingest", "features are no longer updated", consumers,
				this::ingest);
	}

	/** Number of records skipped because they were not valid tile records, since start. */
	public long malformedRecords() {
		return malformed.get();
	}

	@Override
	public void start() {
		loop.start();
	}

	@Override
	public void stop() {
		loop.stop(STOP_TIMEOUT);
	}

	@Override
	public boolean isRunning() {
		return loop.isRunning();
	}

	private void ingest(Consumer<String, byte[]> tiles, BooleanSupplier running) {
		long nextRefresh = 0;
		long nextPrune = System.nanoTime() + settings.pruneInterval().toNanos();
		while (running.getAsBoolean()) {
			if (System.nanoTime() - nextRefresh >= 0) {
				assignNewPartitions(tiles);
				nextRefresh = System.nanoTime() + settings.topicRefreshInterval().toNanos();
			}
			pollOnce(tiles);
			if (System.nanoTime() - nextPrune >= 0) {
				pruneAll();
				nextPrune = System.nanoTime() + settings.pruneInterval().toNanos();
			}
		}
	}

	private void pollOnce(Consumer<String, byte[]> tiles) {
		if (tiles.assignment().isEmpty()) {
			sleep(settings.pollTimeout());
			return;
		}
		ConsumerRecords<String, byte[]> records = tiles.poll(settings.pollTimeout());
		listener.lag(lag(tiles));
		if (records.isEmpty()) {
			return;
		}
		List<ConsumedTile> batch = new ArrayList<>(records.count());
		Map<String, Long> offsets = new HashMap<>();
		for (ConsumerRecord<String, byte[]> record : records) {
			decode(record, batch);
			offsets.put(new TopicPartition(record.topic(), record.partition()).toString(), record.offset() + 1);
		}
		try {
			store.apply(batch, offsets);
			listener.applied(batch);
		}
		catch (FeatureServerException ex) {
			log.warn("Cannot store {} tiles, reading them again from the stored offsets: {}", batch.size(),
					ex.getMessage());
			seekToStored(tiles, tiles.assignment());
			sleep(settings.pollTimeout());
		}
	}

	private void decode(ConsumerRecord<String, byte[]> record, List<ConsumedTile> batch) {
		try {
			batch.add(TileRecords.decode(record));
		}
		catch (FeatureServerException ex) {
			malformed.incrementAndGet();
			listener.malformed();
			log.warn("Skipping malformed tile record {}-{}@{}: {}", record.topic(), record.partition(),
					record.offset(), ex.getMessage());
		}
	}

	private void assignNewPartitions(Consumer<String, byte[]> tiles) {
		Set<TopicPartition> partitions = new HashSet<>();
		try {
			tiles.listTopics(settings.topicRefreshInterval()).forEach((topic, infos) -> {
				if (TileRecords.TOPICS.matcher(topic).matches()) {
					infos.stream().map(TileIngest::partition).forEach(partitions::add);
				}
			});
		}
		catch (WakeupException | InterruptException ex) {
			throw ex;
		}
		catch (KafkaException ex) {
			log.warn("Cannot list the tile topics, trying again in {}: {}", settings.topicRefreshInterval(),
					ex.getMessage());
			return;
		}
		Set<TopicPartition> added = new HashSet<>(partitions);
		added.removeAll(tiles.assignment());
		if (added.isEmpty()) {
			return;
		}
		partitions.addAll(tiles.assignment());
		tiles.assign(partitions);
		seekToStored(tiles, added);
		log.info("Consuming tiles from {}", added);
	}

	private void seekToStored(Consumer<String, byte[]> tiles, Set<TopicPartition> partitions) {
		Map<String, Long> stored = store.offsets();
		List<TopicPartition> fromBeginning = new ArrayList<>();
		for (TopicPartition partition : partitions) {
			Long offset = stored.get(partition.toString());
			if (offset == null) {
				fromBeginning.add(partition);
			}
			else {
				tiles.seek(partition, offset);
			}
		}
		if (!fromBeginning.isEmpty()) {
			tiles.seekToBeginning(fromBeginning);
		}
	}

	private void pruneAll() {
		for (ServedView view : views.all()) {
			try {
				long pruned = store.prune(view.name(), view.retention());
				log.debug("Pruned {} tiles of view {}", pruned, view.name());
			}
			catch (FeatureServerException ex) {
				log.warn("Cannot prune view {}: {}", view.name(), ex.getMessage());
			}
		}
	}

	private static long lag(Consumer<String, byte[]> tiles) {
		long lag = 0;
		for (TopicPartition partition : tiles.assignment()) {
			lag += tiles.currentLag(partition).orElse(0);
		}
		return lag;
	}

	private static TopicPartition partition(PartitionInfo info) {
		return new TopicPartition(info.topic(), info.partition());
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
