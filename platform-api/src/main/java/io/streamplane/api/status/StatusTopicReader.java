package io.streamplane.api.status;

import java.time.Duration;
import java.util.List;

import io.streamplane.protocol.EngineStatus;
import io.streamplane.protocol.Topics;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
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

	private final ConsumerFactory<?, ?> consumers;

	private final StatusBoard board;

	private final JsonMapper json;

	private volatile Consumer<?, ?> consumer;

	private volatile Thread thread;

	StatusTopicReader(ConsumerFactory<?, ?> consumers, StatusBoard board, JsonMapper json) {
		this.consumers = consumers;
		this.board = board;
		this.json = json;
	}

	@Override
	public void start() {
		Thread reader = Thread.ofPlatform().name("sp-status-reader").daemon().unstarted(this::run);
		thread = reader;
		reader.start();
	}

	@Override
	public void stop() {
		Consumer<?, ?> current = consumer;
		if (current != null) {
			current.wakeup();
		}
		Thread running = thread;
		thread = null;
		if (running != null) {
			try {
				running.join(Duration.ofSeconds(5));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return thread != null;
	}

	private void run() {
		try (Consumer<?, ?> statusConsumer = consumers.createConsumer(null, "sp-status-reader")) {
			consumer = statusConsumer;
			assignAll(statusConsumer);
			while (thread != null) {
				statusConsumer.poll(POLL).forEach(this::apply);
			}
		}
		catch (WakeupException ex) {
			log.debug("Status reader stopped");
		}
		catch (RuntimeException ex) {
			log.error("Status reader failed; pipeline status will not be updated", ex);
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
