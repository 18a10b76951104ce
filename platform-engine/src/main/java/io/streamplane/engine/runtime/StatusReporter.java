package io.streamplane.engine.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

import io.streamplane.protocol.CdcTableReport;
import io.streamplane.protocol.EngineStatus;
import io.streamplane.protocol.Topics;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends an {@link EngineStatus} per pipeline to {@link Topics#STATUS} every status interval, with
 * rates computed from the counters' change since the previous report, and a tombstone once a
 * pipeline is gone (deleted) or this instance shuts down. Runs on a thread of its own, so a slow broker
 * never delays pipeline lifecycle actions.
 */
final class StatusReporter {

	private static final Logger log = LoggerFactory.getLogger(StatusReporter.class);

	private final Producer<String, String> producer;

	private final JsonMapper json;

	private final String instanceId;

	private final Duration interval;

	private final Supplier<Collection<PipelineSnapshot>> snapshots;

	private final Function<String, Map<String, CdcTableReport>> cdcTables;

	private final ScheduledExecutorService executor = Executors
		.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("sp-engine-status").daemon().factory());

	private final Map<String, Previous> previous = new HashMap<>();

	StatusReporter(Producer<String, String> producer, JsonMapper json, String instanceId, Duration interval,
			Supplier<Collection<PipelineSnapshot>> snapshots, Function<String, Map<String, CdcTableReport>> cdcTables) {
		this.producer = producer;
		this.json = json;
		this.instanceId = instanceId;
		this.interval = interval;
		this.snapshots = snapshots;
		this.cdcTables = cdcTables;
	}

	void start() {
		executor.scheduleWithFixedDelay(this::report, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
	}

	/** Removes this instance's reports on the given pipelines, then stops. */
	void stop(Collection<String> pipelines) {
		executor.execute(() -> pipelines.forEach(pipeline -> send(pipeline, null)));
		executor.shutdown();
		try {
			executor.awaitTermination(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		producer.close(Duration.ofSeconds(5));
	}

	private void report() {
		Instant now = Instant.now();
		try {
			Collection<PipelineSnapshot> current = snapshots.get();
			Set<String> gone = new HashSet<>(previous.keySet());
			current.forEach(snapshot -> gone.remove(snapshot.pipeline()));
			gone.forEach(pipeline -> {
				previous.remove(pipeline);
				send(pipeline, null);
			});
			for (PipelineSnapshot snapshot : current) {
				Previous last = previous.put(snapshot.pipeline(),
						new Previous(now, snapshot.recordsIn(), snapshot.recordsOut()));
				double seconds = last == null ? 0 : Duration.between(last.at(), now).toMillis() / 1000.0;
				double inRate = seconds <= 0 ? 0 : Math.max(0, snapshot.recordsIn() - last.recordsIn()) / seconds;
				double outRate = seconds <= 0 ? 0 : Math.max(0, snapshot.recordsOut() - last.recordsOut()) / seconds;
				EngineStatus status = new EngineStatus(snapshot.pipeline(), snapshot.version(), instanceId,
						snapshot.state().name(), inRate, outRate, snapshot.consumerLag(), snapshot.lateRecords(),
						snapshot.deadLetters(), snapshot.lastError(), snapshot.lastErrorAt(), now, snapshot.featureViews(),
						cdcTables.apply(snapshot.pipeline()), snapshot.indexes());
				send(snapshot.pipeline(), json.writeValueAsString(status));
			}
		}
		catch (RuntimeException ex) {
			log.warn("Could not report pipeline status to {}: {}", Topics.STATUS, ErrorMessages.describe(ex));
		}
	}

	private void send(String pipeline, String value) {
		producer.send(new ProducerRecord<>(Topics.STATUS, Topics.statusKey(pipeline, instanceId), value),
				(metadata, error) -> {
					if (error != null) {
						log.debug("Status report on '{}' not sent: {}", pipeline, error.toString());
					}
				});
	}

	private record Previous(Instant at, long recordsIn, long recordsOut) {
	}

}
