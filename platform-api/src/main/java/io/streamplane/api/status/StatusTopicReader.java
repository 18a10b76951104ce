package io.streamplane.api.status;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

import io.streamplane.protocol.ConsumerLoop;
import io.streamplane.protocol.EngineStatus;
import io.streamplane.protocol.Topics;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;

/**
 * Reads {@link Topics#STATUS} from the beginning into the {@link StatusBoard}. It uses no
 * consumer group: every control-plane replica sees every report.
 */
public class StatusTopicReader implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(StatusTopicReader.class);

	private static final Duration POLL = Duration.ofMillis(500);

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

	private final StatusBoard board;

	private final JsonMapper json;

	private final ConsumerLoop<Consumer<?, ?>> loop;

	StatusTopicReader(ConsumerFactory<?, ?> consumers, StatusBoard board, JsonMapper json) {
		this.board = board;
		this.json = json;
		this.loop = new ConsumerLoop<>("sp-status-reader", "pipeline status is no longer updated",
				() -> consumers.createConsumer(null, "sp-status-reader"), this::follow);
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

	private void follow(Consumer<?, ?> statusConsumer, BooleanSupplier running) {
		assignAll(statusConsumer);
		while (running.getAsBoolean()) {
			statusConsumer.poll(POLL).forEach(this::apply);
		}
	}

	private void assignAll(Consumer<?, ?> statusConsumer) {
		List<TopicPartition> partitions = statusConsumer.partitionsFor(Topics.STATUS)
			.stream()
			.map(info -> new TopicPartition(info.topic(), info.partition()))
			.toList();
		statusConsumer.assign(partitions);
		statusConsumer.seekToBeginning(partitions);
	}

	private void apply(ConsumerRecord<?, ?> record) {
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
