package io.streamplane.benchmarks.scale;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import io.streamplane.benchmarks.harness.BenchmarkException;
import io.streamplane.benchmarks.harness.Json;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The events of one size: {@code users} users, each with two sessions of two events in the backlog,
 * then one closing event per user sent at a fixed rate.
 * <p>
 * Round {@code r} has one event per user, user {@code p} at {@code start + ROUND_STARTS[r] + p × 10 min / users}:
 * rounds 0 and 1 (15 minutes apart) are session 1, rounds 2 and 3 session 2, 50 minutes later. Round 2's
 * first event closes every session 1 (its end plus gap plus lateness has passed), so the backlog leaves
 * exactly one open session per user: {@code users} active keys. A user's closing event comes
 * {@link #CLOSE_DELAY} plus 1 ms after its round-3 event: it starts session 3 and is the first event
 * whose time closes that user's session 2, so the latency of a final result is measured from it.
 * Events are keyed by user id as text, as the re-key by user in both variants: a user's events stay in
 * one partition through the repartition, in order. (Unkeyed events spread over partitions would reach
 * the repartition topic from several source tasks at their own pace, and a task that ran ahead would
 * make the others' events late: a whole session dropped.) Event time starts 3 hours before the
 * workload is made, so no event is further in the future than the broker accepts (one hour by default).
 *
 * @param users distinct users
 * @param start event time of round 0's first event, epoch milliseconds
 */
record SessionWorkload(long users, long start) {

	/** Rounds in the backlog: two sessions of two events per user. */
	static final int BACKLOG_ROUNDS = 4;

	/** The session gap of both variants. */
	static final Duration GAP = Duration.ofMinutes(30);

	/** The lateness (grace) of both variants. */
	static final Duration LATENESS = Duration.ofMinutes(5);

	/** How long after a session's last event its final result is due: gap plus lateness. */
	static final Duration CLOSE_DELAY = GAP.plus(LATENESS);

	private static final long[] ROUND_STARTS = { 0, Duration.ofMinutes(15).toMillis(), Duration.ofMinutes(65).toMillis(),
			Duration.ofMinutes(80).toMillis() };

	private static final long ROUND_WIDTH = Duration.ofMinutes(10).toMillis();

	static SessionWorkload of(long users) {
		return new SessionWorkload(users, System.currentTimeMillis() - Duration.ofHours(3).toMillis());
	}

	/** Events in the backlog. */
	long backlogEvents() {
		return users * BACKLOG_ROUNDS;
	}

	/** User {@code user}'s event in backlog round {@code round}. */
	SessionEvent event(int round, long user) {
		return new SessionEvent(user, amount(round, user), time(round, user));
	}

	/** User {@code user}'s closing event: the first whose time closes its session 2. */
	SessionEvent closer(long user) {
		return new SessionEvent(user, amount(BACKLOG_ROUNDS, user), time(3, user) + CLOSE_DELAY.toMillis() + 1);
	}

	/** The final result of user {@code user}'s session 1 (rounds 0 and 1) or 2 (rounds 2 and 3). */
	Expected expected(int session, long user) {
		int first = 2 * (session - 1);
		return new Expected(time(first, user), time(first + 1, user), 2,
				amount(first, user) + amount(first + 1, user));
	}

	/**
	 * One session's final result.
	 *
	 * @param start its first event's time, epoch milliseconds
	 * @param end its last event's time
	 * @param events events in it
	 * @param amount the sum of their amounts
	 */
	record Expected(long start, long end, long events, long amount) {
	}

	long time(int round, long user) {
		return start + ROUND_STARTS[round] + user * ROUND_WIDTH / users;
	}

	private static long amount(int round, long user) {
		return (user * 7 + round * 13) % 100;
	}

	/**
	 * Writes the backlog to {@code topic} round by round and waits for every acknowledgement.
	 * @throws BenchmarkException if any event could not be written
	 */
	void load(String bootstrapServers, String topic) {
		AtomicReference<Exception> failure = new AtomicReference<>();
		try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config(bootstrapServers))) {
			for (int round = 0; round < BACKLOG_ROUNDS; round++) {
				for (long user = 0; user < users; user++) {
					producer.send(record(topic, event(round, user)), (metadata, ex) -> {
						if (ex != null) {
							failure.compareAndSet(null, ex);
						}
					});
				}
			}
			producer.flush();
		}
		if (failure.get() != null) {
			throw new BenchmarkException("Could not load the events into " + topic + ": " + failure.get(), failure.get());
		}
	}

	/**
	 * Sends the closing events of users {@code from} (inclusive) to {@code to} at {@code perSecond}, and
	 * returns each one's send time ({@link System#nanoTime()}), indexed by {@code user - from}. A producer that
	 * cannot keep up falls behind its schedule rather than skipping events.
	 */
	long[] sendClosers(String bootstrapServers, String topic, long from, long to, double perSecond) {
		long[] sent = new long[Math.toIntExact(to - from)];
		try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(pacedConfig(bootstrapServers))) {
			long started = System.nanoTime();
			for (int i = 0; i < sent.length; i++) {
				long early = started + (long) (i * 1e9 / perSecond) - System.nanoTime();
				if (early > 0) {
					LockSupport.parkNanos(early);
				}
				sent[i] = System.nanoTime();
				producer.send(record(topic, closer(from + i)));
			}
			producer.flush();
		}
		return sent;
	}

	private static ProducerRecord<byte[], byte[]> record(String topic, SessionEvent event) {
		return new ProducerRecord<>(topic, Long.toString(event.userId()).getBytes(StandardCharsets.UTF_8),
				Json.write(event));
	}

	private static Map<String, Object> config(String bootstrapServers) {
		return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
				ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
	}

	private static Map<String, Object> pacedConfig(String bootstrapServers) {
		return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
				ProducerConfig.LINGER_MS_CONFIG, 0);
	}

}
