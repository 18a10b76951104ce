package io.streamplane.benchmarks.scale;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import io.streamplane.benchmarks.harness.BenchmarkException;
import io.streamplane.benchmarks.harness.Json;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a variant's output topic {@code read_committed} from the beginning on its own thread and checks
 * every record against the {@link SessionWorkload}: which session of which user it closes, whether its
 * bounds, count and sum are exact, and whether that session was written before. Notes when each session-2
 * result became visible, for the latency from its closing event.
 */
final class SessionVerifier implements AutoCloseable {

	private static final Duration POLL = Duration.ofMillis(20);

	private final SessionWorkload workload;

	private final byte[][] seen;

	private final long[] closedSeen;

	private long distinct;

	private final long[] distinctBySession = new long[2];

	private long duplicates;

	private long wrong;

	private String firstWrong;

	private final AtomicBoolean stop = new AtomicBoolean();

	private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

	private final Thread thread;

	private SessionVerifier(SessionWorkload workload, String bootstrapServers, String topic) {
		this.workload = workload;
		int users = Math.toIntExact(workload.users());
		this.seen = new byte[][] { new byte[users], new byte[users] };
		this.closedSeen = new long[users];
		this.thread = Thread.ofPlatform().name("session-verifier").start(() -> {
			try {
				consume(bootstrapServers, topic);
			}
			catch (RuntimeException ex) {
				failure.set(ex);
			}
		});
	}

	static SessionVerifier start(SessionWorkload workload, String bootstrapServers, String topic) {
		return new SessionVerifier(workload, bootstrapServers, topic);
	}

	private void consume(String bootstrapServers, String topic) {
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config(bootstrapServers))) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic)
				.stream()
				.map(info -> new TopicPartition(topic, info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			while (!stop.get()) {
				var records = consumer.poll(POLL);
				long now = System.nanoTime();
				synchronized (this) {
					for (ConsumerRecord<byte[], byte[]> record : records) {
						check(Json.read(record.value(), SessionResult.class), now);
					}
				}
			}
		}
	}

	private void check(SessionResult result, long seenNanos) {
		long user = result.userId();
		long start = Instant.parse(result.windowStart()).toEpochMilli();
		int session = user < 0 || user >= workload.users() ? 0
				: start == workload.expected(1, user).start() ? 1 : start == workload.expected(2, user).start() ? 2 : 0;
		SessionWorkload.Expected expected = session == 0 ? null : workload.expected(session, user);
		if (expected == null || Instant.parse(result.windowEnd()).toEpochMilli() != expected.end()
				|| result.events() != expected.events() || result.amount() != expected.amount()) {
			wrong++;
			if (firstWrong == null) {
				firstWrong = result + " (expected " + expected + ")";
			}
			return;
		}
		int index = (int) user;
		if (seen[session - 1][index]++ > 0) {
			duplicates++;
			return;
		}
		distinct++;
		distinctBySession[session - 1]++;
		if (session == 2) {
			closedSeen[index] = seenNanos;
		}
	}

	/** Distinct exact session results seen so far. */
	synchronized long distinct() {
		requireHealthy();
		return distinct;
	}

	/** Waits until {@code expected} distinct results were seen, or nothing new came for {@code quiet}. */
	void await(long expected, Duration quiet) throws InterruptedException {
		long last = distinct();
		long lastChange = System.nanoTime();
		while (last < expected && System.nanoTime() - lastChange < quiet.toNanos()) {
			Thread.sleep(50);
			long now = distinct();
			if (now != last) {
				last = now;
				lastChange = System.nanoTime();
			}
		}
	}

	/**
	 * What was written beyond the exact results: a copy for a session already written, or a record that
	 * matches no session of the workload (wrong bounds, count or sum), and the sessions missing among
	 * {@code expected}.
	 */
	synchronized Exactness exactness(long expected) {
		requireHealthy();
		String example = firstWrong;
		for (int user = 0; example == null && user < seen[0].length; user++) {
			if (seen[0][user] == 0) {
				example = "no result for session 1 of user " + user;
			}
		}
		return new Exactness(expected, distinct, distinctBySession[0], distinctBySession[1], expected - distinct,
				duplicates, wrong, example);
	}

	/**
	 * @param expected results due
	 * @param distinct exact results seen
	 * @param first of them, results of users' first sessions (closed by the backlog)
	 * @param second of them, results of users' second sessions (closed by closing events)
	 * @param missing due results not seen
	 * @param duplicates exact results seen more than once
	 * @param wrong records matching no session of the workload
	 * @param firstWrong the first of those or else a user whose first session's result is missing, or {@code null}
	 */
	record Exactness(long expected, long distinct, long first, long second, long missing, long duplicates, long wrong, String firstWrong) {

		boolean exact() {
			return missing == 0 && duplicates == 0 && wrong == 0;
		}

		@Override
		public String toString() {
			return exact() ? String.format("exact (%,d of %,d)", distinct, expected)
					: String.format("NOT exact: %,d of %,d (sessions 1: %,d, 2: %,d), %,d missing, %,d duplicates, %,d wrong%s",
							distinct, expected, first, second, missing, duplicates, wrong,
							firstWrong == null ? "" : ", e.g. " + firstWrong);
		}

	}

	/**
	 * Milliseconds from each closing event's send to its session-2 result being visible, sorted; users whose
	 * result was not seen are left out.
	 * @param from the first user of {@code sent}
	 * @param sent send times ({@link System#nanoTime()}) of the closing events of users {@code from, from + 1, …}
	 */
	synchronized double[] latencies(long from, long[] sent) {
		double[] millis = new double[sent.length];
		int seenCount = 0;
		for (int i = 0; i < sent.length; i++) {
			long seenAt = closedSeen[(int) (from + i)];
			if (seenAt != 0) {
				millis[seenCount++] = (seenAt - sent[i]) / 1e6;
			}
		}
		double[] result = Arrays.copyOf(millis, seenCount);
		Arrays.sort(result);
		return result;
	}

	/**
	 * The earliest time ({@link System#nanoTime()}) a session-2 result of a user whose closing event was sent
	 * after {@code after} became visible, or 0 if none did.
	 */
	synchronized long firstSeenOfSentAfter(long after, long from, long[] sent) {
		long first = 0;
		for (int i = 0; i < sent.length; i++) {
			long seenAt = closedSeen[(int) (from + i)];
			if (sent[i] > after && seenAt != 0 && (first == 0 || seenAt < first)) {
				first = seenAt;
			}
		}
		return first;
	}

	private void requireHealthy() {
		if (failure.get() != null) {
			throw new BenchmarkException("Could not verify the output: " + failure.get(), failure.get());
		}
	}

	@Override
	public void close() throws InterruptedException {
		stop.set(true);
		thread.join();
	}

	private static Map<String, Object> config(String bootstrapServers) {
		return Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
				ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
				ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
	}

}
