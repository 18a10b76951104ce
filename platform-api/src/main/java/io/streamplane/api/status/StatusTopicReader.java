package io.streamplane.api.status;

import java.time.Duration;

import io.streamplane.protocol.CompactedTopicFollower;
import io.streamplane.protocol.EngineStatus;
import io.streamplane.protocol.Topics;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;

/**
 * Reads {@link Topics#STATUS} from the beginning into the {@link StatusBoard}
 * ({@link CompactedTopicFollower}: no consumer group, so every control-plane replica sees every report).
 */
public class StatusTopicReader implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(StatusTopicReader.class);

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

	private final StatusBoard board;

	private final JsonMapper json;

	private final CompactedTopicFollower<Object, Object> follower;

	StatusTopicReader(ConsumerFactory<?, ?> consumers, StatusBoard board, JsonMapper json) {
		this.board = board;
		this.json = json;
		this.follower = new CompactedTopicFollower<>(Topics.STATUS, "sp-status-reader",
				"pipeline status is no longer updated", () -> consumer(consumers), this::apply);
	}

	@Override
	public void start() {
		follower.start();
	}

	@Override
	public void stop() {
		follower.stop(STOP_TIMEOUT);
	}

	@Override
	public boolean isRunning() {
		return follower.isRunning();
	}

	@SuppressWarnings("unchecked")
	private static Consumer<Object, Object> consumer(ConsumerFactory<?, ?> consumers) {
		return (Consumer<Object, Object>) consumers.createConsumer(null, "sp-status-reader");
	}

	private void apply(ConsumerRecord<Object, Object> record) {
		if (record.value() == null) {
			String[] key = String.valueOf(record.key()).split("/", 2);
			if (key.length == 2) {
				board.forget(key[0], key[1]);
			}
			return;
		}
		try {
			board.accept(json.readValue(record.value().toString(), EngineStatus.class));
		}
		catch (JacksonException ex) {
			log.warn("Ignoring a malformed status report at {}-{}@{}: {}", record.topic(), record.partition(),
					record.offset(), ex.getOriginalMessage());
		}
	}

}
