package io.streamplane.engine.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.function.Consumer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.streamplane.engine.compile.CompiledPipeline;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@link KafkaStreams} application running one version of a pipeline on this instance.
 * <p>
 * An exception that escapes a stream thread replaces the thread when it is a retriable Kafka error
 * (the task is retried at once, without backoff), and otherwise shuts the client down: the app goes
 * to {@code ERROR} and {@code onError} is called, from a stream thread, so the owner can restart it
 * with backoff on a thread of its own. Never call {@link #close} from that callback.
 */
final class PipelineApp {

	private static final Logger log = LoggerFactory.getLogger(PipelineApp.class);

	private final String applicationId;

	private final int version;

	private final CompiledPipeline compiled;

	private final KafkaStreams streams;

	private final KafkaStreamsMetrics metrics;

	private volatile Throwable failure;

	private volatile Instant failedAt;

	PipelineApp(int version, CompiledPipeline compiled, Properties config, MeterRegistry registry,
			Consumer<PipelineApp> onError) {
		this.applicationId = config.getProperty(StreamsConfig.APPLICATION_ID_CONFIG);
		this.version = version;
		this.compiled = compiled;
		this.streams = new KafkaStreams(compiled.topology(), config);
		this.streams.setUncaughtExceptionHandler(this::onUncaught);
		this.streams.setStateListener((newState, oldState) -> {
			if (newState == KafkaStreams.State.ERROR) {
				onError.accept(this);
			}
		});
		this.metrics = new KafkaStreamsMetrics(streams, Tags.of("pipeline", compiled.pipeline()));
		this.metrics.bindTo(registry);
	}

	String applicationId() {
		return applicationId;
	}

	int version() {
		return version;
	}

	CompiledPipeline compiled() {
		return compiled;
	}

	void start() {
		streams.start();
	}

	void pause() {
		streams.pause();
	}

	void resume() {
		streams.resume();
	}

	/** The observed state, {@code null} once the app stopped or failed. */
	RunState state() {
		if (streams.isPaused()) {
			return RunState.PAUSED;
		}
		return switch (streams.state()) {
			case CREATED, REBALANCING -> RunState.REBALANCING;
			case RUNNING -> RunState.RUNNING;
			case PENDING_SHUTDOWN, NOT_RUNNING, PENDING_ERROR, ERROR -> null;
		};
	}

	/** The exception that stopped a stream thread last, or {@code null}. */
	Throwable failure() {
		return failure;
	}

	Instant failedAt() {
		return failedAt;
	}

	/** Records not yet consumed, summed over the partitions assigned to this instance. */
	long consumerLag() {
		double lag = 0;
		for (var entry : streams.metrics().entrySet()) {
			if (isMainConsumerLag(entry.getKey()) && entry.getValue().metricValue() instanceof Double value
					&& Double.isFinite(value)) {
				lag += Math.max(0, value);
			}
		}
		return (long) lag;
	}

	/**
	 * Stops processing, leaving the consumer group so that other instances take over at once.
	 * @return whether every stream thread stopped within the timeout (only then may its local state go)
	 */
	boolean close(Duration timeout) {
		metrics.close();
		boolean stopped = streams.close(new KafkaStreams.CloseOptions().timeout(timeout).leaveGroup(true));
		if (!stopped) {
			log.warn("Kafka Streams application {} did not stop within {}", applicationId, timeout);
		}
		return stopped;
	}

	private StreamThreadExceptionResponse onUncaught(Throwable exception) {
		failure = exception;
		failedAt = Instant.now();
		if (hasRetriableCause(exception)) {
			log.warn("Stream thread of {} failed with a retriable error; replacing it: {}", applicationId,
					exception.toString());
			return StreamThreadExceptionResponse.REPLACE_THREAD;
		}
		log.error("Stream thread of {} failed; stopping the application", applicationId, exception);
		return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
	}

	private static boolean hasRetriableCause(Throwable exception) {
		for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
			if (cause instanceof RetriableException) {
				return true;
			}
		}
		return false;
	}

	private static boolean isMainConsumerLag(MetricName name) {
		String clientId = name.tags().getOrDefault("client-id", "");
		return "records-lag".equals(name.name()) && "consumer-fetch-manager-metrics".equals(name.group())
				&& name.tags().containsKey("partition") && !clientId.endsWith("-restore-consumer");
	}

}
