package io.streamplane.benchmarks.features;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;

import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import tools.jackson.databind.json.JsonMapper;

import io.streamplane.benchmarks.harness.BenchmarkException;
import io.streamplane.protocol.DesiredState;
import io.streamplane.protocol.PipelineState;
import io.streamplane.protocol.Topics;
import io.streamplane.spec.SpecFormat;
import io.streamplane.spec.SpecReader;

/**
 * Freshness: event produced → visible in {@code GET /features}. A process with the engine and feature-server
 * roles runs a one-view pipeline whose desired state is published straight to {@link Topics#PIPELINES}, as the
 * control plane does; every {@value #PROBE_INTERVAL_MS} ms a probe event for a new entity is produced at a known
 * time, and once the first probe is visible (the pipeline runs) background events arrive at a fixed rate over
 * many entities with event time = now, so the measurement starts from a running engine, not from a backlog of
 * the events produced while it started. One thread
 * polls {@code GET /features/fresh_clicks/probe-N} for every outstanding probe until it is {@code PRESENT}; the
 * latency is from the probe's {@code send} to the first answer that shows it (so it includes the producer's
 * batching, the engine's repartition and transaction commit, the feature server's poll and RocksDB write, and
 * up to one polling sweep: the sweeps pause 10 ms, so the figures are up to about 10 ms high).
 */
final class FreshnessRun {

	static final String PIPELINE = "fresh";

	static final String VIEW = "fresh_clicks";

	static final String SOURCE = "fresh-clicks";

	private static final long PROBE_INTERVAL_MS = 100;

	private static final long SWEEP_PAUSE_NANOS = 10_000_000;

	private static final long TRACE_INTERVAL_MS = 2_000;

	private static final int BACKGROUND_ENTITIES = 100_000;

	private static final Pattern ENGINE_METRICS = Pattern.compile(
			"^kafka_stream_thread_(commit_latency_(avg|max)|commit_rate|poll_latency_avg|process_latency_avg|poll_records_avg|"
					+ "process_records_avg)\\{|^kafka_producer_(txn_commit_time_ns|txn_send_offsets_time_ns|flush_time_ns|"
					+ "txn_begin_time_ns)\\w*\\{.*StreamThread");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String SPEC = """
			name: %s
			sources:
			  clicks:
			    kafka: { topic: %s, format: json }
			    eventTime: { field: ts, unit: millis }
			    fields: { ts: int, user_id: string }
			features:
			  - name: %s
			    from: clicks
			    entity: user_id
			    keyedByEntity: %s
			    tileSize: 1m
			    features:
			      clicks_5m: { aggregate: "count()", window: 5m }
			processing:
			  guarantee: exactly_once
			""";

	private record Probe(String entity, long sentNanos, boolean measured) {
	}

	private final FeatureBenchmarkOptions options;

	private final ServerProcess server;

	private final String bootstrapServers;

	private final ConcurrentLinkedQueue<Probe> sent = new ConcurrentLinkedQueue<>();

	private final AtomicBoolean measuring = new AtomicBoolean();

	private final AtomicBoolean producing = new AtomicBoolean(true);

	private final AtomicBoolean started = new AtomicBoolean();

	private volatile long probesSent;

	private final Map<String, Long> measuredSent = new HashMap<>();

	private final Map<String, Long> measuredVisible = new HashMap<>();

	FreshnessRun(FeatureBenchmarkOptions options, ServerProcess server, String bootstrapServers) {
		this.options = options;
		this.server = server;
		this.bootstrapServers = bootstrapServers;
	}

	/**
	 * The server's properties: both roles, the engine's state in {@code stateDir}, its commit interval when
	 * {@code commitInterval} is positive (else the engine's default).
	 */
	static List<String> serverProperties(String stateDir, Duration commitInterval) {
		List<String> properties = new ArrayList<>(List.of("--streamplane.roles=engine,feature-server",
				"--streamplane.engine.state-dir=" + stateDir, "--streamplane.engine.replication-factor=1"));
		if (commitInterval.isPositive()) {
			properties.add("--streamplane.engine.commit-interval=" + commitInterval.toMillis() + "ms");
		}
		return properties;
	}

	/**
	 * Publishes the pipeline, produces and probes, and returns the produced → visible latencies (first), then with
	 * {@code --freshness-hops} each hop's; {@code notes} gets the server's CPU use over the measured window.
	 */
	List<Latency> measure(List<String> notes) throws InterruptedException {
		publishDesiredState();
		Histogram latencies = Latency.histogram();
		Thread producer = Thread.ofPlatform().name("fresh-events").start(this::produce);
		FreshnessTrace trace = new FreshnessTrace(bootstrapServers, "sp-" + PIPELINE + "-v1", SOURCE,
				"sp.features." + PIPELINE + "." + VIEW, server);
		Thread tracer = null;
		FreshnessHops hops = null;
		try {
			awaitFirstProbe(Duration.ofMinutes(3));
			started.set(true);
			FeatureBenchmark.progress("Freshness: first probe visible, warming up");
			tracer = Thread.ofPlatform().daemon().name("fresh-trace").start(() -> trace(trace));
			ServerProcess.sleep(options.warmup().toMillis());
			if (options.freshnessHops()) {
				hops = FreshnessHops.start(bootstrapServers, "sp-" + PIPELINE + "-v1", SOURCE,
						"sp.features." + PIPELINE + "." + VIEW);
			}
			Duration cpuStart = server.cpuTime();
			Duration harnessCpuStart = harnessCpu();
			long measureStart = System.nanoTime();
			measuring.set(true);
			long measureEnd = measureStart + options.measure().toNanos();
			Duration cpu = null;
			while (System.nanoTime() < measureEnd + Duration.ofSeconds(5).toNanos()) {
				sweep(latencies, measureEnd);
				if (cpu == null && System.nanoTime() > measureEnd) {
					cpu = server.cpuTime().minus(cpuStart);
					double elapsed = System.nanoTime() - measureStart;
					notes.add(String.format("Freshness: over the measured window (%,d events/s) the engine + feature "
							+ "server process used %.2f cores, this harness (broker, producer, probes) %.2f.",
							options.freshnessRate(), cpu.toNanos() / elapsed,
							harnessCpu().minus(harnessCpuStart).toNanos() / elapsed));
					notes.add("Freshness: the engine's stream thread and producer at the end of the measured window: "
							+ engineMetrics());
				}
				LockSupport.parkNanos(SWEEP_PAUSE_NANOS);
			}
			long missing = sent.stream().filter(Probe::measured).count();
			List<Latency> result = new ArrayList<>(List.of(Latency.of(String.format(
					"freshness: produced → visible in GET, %,d events/s", options.freshnessRate()), latencies, missing, 0)));
			if (hops != null) {
				result.addAll(hops.latencies(measuredSent, measuredVisible));
			}
			return result;
		}
		finally {
			if (hops != null) {
				hops.close();
			}
			producing.set(false);
			producer.join(Duration.ofSeconds(30));
			if (tracer != null) {
				tracer.join(Duration.ofSeconds(10));
			}
			trace.close();
		}
	}

	/**
	 * The Kafka Streams thread's commit, poll and process figures (Kafka's own metrics, averaged over its recent
	 * window of samples) and the producer's cumulative transaction times, from the server's Prometheus endpoint.
	 */
	private String engineMetrics() {
		List<String> figures = new ArrayList<>();
		for (String line : server.get("/actuator/prometheus").split("\n")) {
			if (!line.startsWith("#") && ENGINE_METRICS.matcher(line).find()) {
				figures.add(line.replaceAll("\\{.*\\}", "").replace("kafka_", ""));
			}
		}
		return figures.isEmpty() ? "none found" : String.join("; ", figures);
	}

	private static Duration harnessCpu() {
		return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
	}

	/** Prints where the events are every {@value #TRACE_INTERVAL_MS} ms while events are produced. */
	private void trace(FreshnessTrace trace) {
		while (producing.get()) {
			ServerProcess.sleep(TRACE_INTERVAL_MS);
			FeatureBenchmark.progress(String.format("Freshness: %d probes sent, %d not visible yet; %s", probesSent,
					sent.size(), trace.sample()));
		}
	}

	private void sweep(Histogram latencies, long measureEnd) {
		for (Iterator<Probe> probes = sent.iterator(); probes.hasNext();) {
			Probe probe = probes.next();
			if (server.getIfOk("/features/" + VIEW + "/" + probe.entity())
				.filter(body -> body.contains("\"PRESENT\""))
				.isPresent()) {
				long latency = System.nanoTime() - probe.sentNanos();
				probes.remove();
				if (probe.measured() && probe.sentNanos() < measureEnd) {
					latencies.recordValue(latency);
					measuredSent.put(probe.entity(), probe.sentNanos());
					measuredVisible.put(probe.entity(), probe.sentNanos() + latency);
				}
			}
		}
		if (System.nanoTime() > measureEnd) {
			measuring.set(false);
		}
	}

	private void awaitFirstProbe(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			sweep(Latency.histogram(), 0);
			if (probesSent > sent.size()) {
				return;
			}
			ServerProcess.sleep(100);
		}
		throw new BenchmarkException("No probe event became visible in GET /features within " + timeout
				+ "; see target/feature-server.log");
	}

	private void produce() {
		long intervalNanos = 1_000_000_000L / options.freshnessRate();
		long probeEvery = Math.max(1, PROBE_INTERVAL_MS * options.freshnessRate() / 1000);
		long start = System.nanoTime();
		try (KafkaProducer<String, String> producer = producer()) {
			for (long i = 0; producing.get(); i++) {
				long due = start + i * intervalNanos;
				for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
					LockSupport.parkNanos(wait);
				}
				if (i % probeEvery == 0) {
					String entity = "probe-" + probesSent;
					long now = System.nanoTime();
					producer.send(event(entity));
					sent.add(new Probe(entity, now, measuring.get()));
					probesSent++;
				}
				else if (started.get()) {
					producer.send(event("user-" + Math.floorMod(i * 0x9E3779B97F4A7C15L, BACKGROUND_ENTITIES)));
				}
			}
		}
	}

	private static ProducerRecord<String, String> event(String entity) {
		return new ProducerRecord<>(SOURCE, entity,
				"{\"user_id\":\"" + entity + "\",\"ts\":" + System.currentTimeMillis() + "}");
	}

	private void publishDesiredState() {
		String spec = SPEC.formatted(PIPELINE, SOURCE, VIEW, options.keyedByEntity());
		DesiredState desired = new DesiredState(PIPELINE, 1, PipelineState.RUNNING,
				new SpecReader().read(spec, SpecFormat.YAML).document(), Instant.now());
		try (KafkaProducer<String, String> producer = producer()) {
			producer.send(new ProducerRecord<>(Topics.PIPELINES, PIPELINE, JSON.writeValueAsString(desired)));
		}
	}

	private KafkaProducer<String, String> producer() {
		Properties config = new Properties();
		config.putAll(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
				ProducerConfig.LINGER_MS_CONFIG, "5", ProducerConfig.ACKS_CONFIG, "all"));
		return new KafkaProducer<>(config);
	}

	/** The topics to create before the server starts. */
	static List<String> topics() {
		return List.of(SOURCE, Topics.PIPELINES);
	}

}
