package io.streamplane.rag.ingest;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import io.streamplane.protocol.ConsumerLoop;
import io.streamplane.protocol.DesiredState;
import io.streamplane.protocol.PipelineState;
import io.streamplane.protocol.Topics;
import io.streamplane.spec.SpecVersions;
import io.streamplane.spec.StreamplaneSpecException;

/**
 * Follows {@link Topics#PIPELINES} from the beginning, without a consumer group, as the feature server does for
 * its views: the {@code indexes:} of every pipeline that is not deleted go to {@link Indexes}; a deleted pipeline
 * (or a tombstone) removes its indexes and their data. Each version's spec is validated once ({@link SpecVersions}):
 * the control plane's periodic re-publication of an unchanged version is a lookup. Until the topic exists it
 * checks again every two seconds.
 */
public final class PipelineIndexesReader implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(PipelineIndexesReader.class);

	private static final Duration POLL = Duration.ofMillis(500);

	private static final Duration TOPIC_RETRY = Duration.ofSeconds(2);

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Indexes indexes;

	private final SpecVersions specs;

	private final ConsumerLoop<Consumer<String, String>> loop;

	/**
	 * @param consumers creates the consumer (no group, no auto-commit); called on start
	 * @param indexes where the pipelines' indexes go
	 */
	public PipelineIndexesReader(Supplier<Consumer<String, String>> consumers, Indexes indexes) {
		this(consumers, indexes, new SpecVersions());
	}

	PipelineIndexesReader(Supplier<Consumer<String, String>> consumers, Indexes indexes, SpecVersions specs) {
		this.indexes = indexes;
		this.specs = specs;
		this.loop = new ConsumerLoop<>("sp-rag-indexes", "indexes of new pipelines are no longer learnt", consumers,
				this::follow);
	}

	@Override
	public void start() {
		loop.start();
	}

	@Override
	public void stop() {
		loop.stop(STOP_TIMEOUT);
		indexes.close();
	}

	@Override
	public boolean isRunning() {
		return loop.isRunning();
	}

	private void follow(Consumer<String, String> pipelines, BooleanSupplier running) {
		while (running.getAsBoolean()) {
			List<PartitionInfo> partitions = partitions(pipelines);
			if (!partitions.isEmpty()) {
				List<TopicPartition> assigned = partitions.stream()
					.map(info -> new TopicPartition(info.topic(), info.partition())).toList();
				pipelines.assign(assigned);
				pipelines.seekToBeginning(assigned);
				break;
			}
			log.info("Waiting for topic {} (created by the control plane)", Topics.PIPELINES);
			sleep(TOPIC_RETRY);
		}
		while (running.getAsBoolean()) {
			pipelines.poll(POLL).forEach(this::apply);
		}
	}

	private static List<PartitionInfo> partitions(Consumer<String, String> pipelines) {
		try {
			List<PartitionInfo> partitions = pipelines.partitionsFor(Topics.PIPELINES, Duration.ofSeconds(10));
			return partitions == null ? List.of() : partitions;
		}
		catch (TimeoutException ex) {
			return List.of();
		}
	}

	/** Applies one record of {@link Topics#PIPELINES}: a desired state, or a tombstone keyed by pipeline. */
	void apply(ConsumerRecord<String, String> record) {
		if (record.value() == null) {
			if (record.key() != null) {
				indexes.remove(record.key());
			}
			return;
		}
		try {
			DesiredState desired = JSON.readValue(record.value(), DesiredState.class);
			if (desired.state() == PipelineState.DELETED || desired.spec() == null) {
				indexes.remove(desired.pipeline());
				return;
			}
			indexes.define(desired.pipeline(),
					specs.validated(desired.pipeline(), desired.version(), desired.spec()).spec().indexes());
		}
		catch (JacksonException | NullPointerException | StreamplaneSpecException ex) {
			log.warn("Ignoring the desired state at {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
					ex.getMessage());
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
