package io.streamplane.engine.runtime;

import java.time.Duration;
import java.util.function.Supplier;

import io.streamplane.protocol.CompactedTopicFollower;
import io.streamplane.protocol.DesiredState;
import io.streamplane.protocol.Topics;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Follows {@link Topics#PIPELINES} from the beginning ({@link CompactedTopicFollower}: no consumer
 * group, every partition, waiting for the topic, which the control plane creates) and hands every
 * desired state to the supervisor. Once it has read up to the end offsets it found at the start, it
 * says so, once ({@code caughtUp}): from then on the engine knows every pipeline.
 */
final class DesiredStateReader {

	private static final Logger log = LoggerFactory.getLogger(DesiredStateReader.class);

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

	private final JsonMapper json;

	private final java.util.function.Consumer<DesiredState> sink;

	private final CompactedTopicFollower<String, String> follower;

	DesiredStateReader(Supplier<Consumer<String, String>> consumers, JsonMapper json,
			java.util.function.Consumer<DesiredState> sink, Runnable caughtUp) {
		this.json = json;
		this.sink = sink;
		this.follower = new CompactedTopicFollower<>(Topics.PIPELINES, "sp-engine-desired-state",
				"this engine no longer follows " + Topics.PIPELINES, consumers, this::apply, caughtUp);
	}

	void start() {
		follower.start();
	}

	void stop() {
		follower.stop(STOP_TIMEOUT);
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
