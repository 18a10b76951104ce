package io.streamplane.engine.runtime;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import io.streamplane.protocol.ConsumerLoop;
import io.streamplane.protocol.DesiredState;
import io.streamplane.protocol.Topics;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Follows {@link Topics#PIPELINES} from the beginning and hands every desired state to the
 * supervisor. It uses no consumer group: every engine instance reads every partition and sees
 * every pipeline. Until the topic exists (the control plane creates it) it checks again every
 * two seconds. Once it has read up to the end offsets it found at the start, it says so, once
 * ({@code caughtUp}): from then on the engine knows every pipeline.
 */
final class DesiredStateReader {

	private static final Logger log = LoggerFactory.getLogger(DesiredStateReader.class);

	private static final Duration POLL = Duration.ofMillis(500);

	private static final Duration TOPIC_RETRY = Duration.ofSeconds(2);

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

	private final JsonMapper json;

	private final java.util.function.Consumer<DesiredState> sink;

	private final Runnable caughtUp;

	private final ConsumerLoop<Consumer<String, String>> loop;

	DesiredStateReader(Supplier<Consumer<String, String>> consumers, JsonMapper json,
			java.util.function.Consumer<DesiredState> sink, Runnable caughtUp) {
		this.json = json;
		this.sink = sink;
		this.caughtUp = caughtUp;
		this.loop = new ConsumerLoop<>("sp-engine-desired-state", "this engine no longer follows " + Topics.PIPELINES,
				consumers, this::follow);
	}

	void start() {
		loop.start();
	}

	void stop() {
		loop.stop(STOP_TIMEOUT);
	}

	private void follow(Consumer<String, String> desiredStates, BooleanSupplier running) {
		List<TopicPartition> assigned = assignAll(desiredStates, running);
		if (assigned.isEmpty()) {
			return;
		}
		Map<TopicPartition, Long> ends = desiredStates.endOffsets(assigned);
		boolean behind = true;
		while (running.getAsBoolean()) {
			desiredStates.poll(POLL).forEach(this::apply);
			if (behind && ends.entrySet().stream().allMatch(end -> desiredStates.position(end.getKey()) >= end.getValue())) {
				behind = false;
				caughtUp.run();
			}
		}
	}

	private List<TopicPartition> assignAll(Consumer<String, String> desiredStates, BooleanSupplier running) {
		while (running.getAsBoolean()) {
			List<PartitionInfo> partitions = partitionsOrEmpty(desiredStates);
			if (!partitions.isEmpty()) {
				List<TopicPartition> assigned = partitions.stream()
					.map(info -> new TopicPartition(info.topic(), info.partition()))
					.toList();
				desiredStates.assign(assigned);
				desiredStates.seekToBeginning(assigned);
				return assigned;
			}
			log.info("Waiting for topic {} (created by the control plane)", Topics.PIPELINES);
			try {
				Thread.sleep(TOPIC_RETRY);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return List.of();
			}
		}
		return List.of();
	}

	private static List<PartitionInfo> partitionsOrEmpty(Consumer<String, String> desiredStates) {
		try {
			List<PartitionInfo> partitions = desiredStates.partitionsFor(Topics.PIPELINES, Duration.ofSeconds(10));
			return partitions == null ? List.of() : partitions;
		}
		catch (org.apache.kafka.common.errors.TimeoutException ex) {
			return List.of();
		}
	}

	private void apply(ConsumerRecord<String, String> record) {
		if (record.value() == null) {
			return;
		}
		try {
			sink.accept(json.readValue(record.value(), DesiredState.class));
		}
		catch (JacksonException | NullPointerException ex) {
			log.warn("Ignoring a malformed desired state at {}-{}@{}: {}", record.topic(), record.partition(),
					record.offset(), ex.getMessage());
		}
	}

}
