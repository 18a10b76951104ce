package io.streamplane.app.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * A test's sends that fail loudly: a producer drops a batch it could not deliver within
 * {@code delivery.timeout.ms} and only the send's future says so (KAFKA-15591 dropped the first 442
 * input records of one partition of a crash test that way, which then read as records the engine
 * lost; {@link io.streamplane.protocol.WritableTopics} prevents the cause). Every send is tracked; {@link #awaitAcknowledged()} flushes and throws when any record was
 * not acknowledged, naming its topic and the error. Counts what the broker acknowledged per
 * partition, for a test's dump.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class AcknowledgedSends<K, V> implements AutoCloseable {

	/** How long to wait for acknowledgements after a flush: far below the producer's delivery timeout. */
	private static final Duration ACKNOWLEDGEMENT = Duration.ofSeconds(30);

	private static final int REPORTED_FAILURES = 10;

	private final Producer<K, V> producer;

	private final AtomicLong sent = new AtomicLong();

	private final AtomicLong acknowledged = new AtomicLong();

	private final Map<TopicPartition, Long> perPartition = new ConcurrentHashMap<>();

	private final List<String> failures = Collections.synchronizedList(new ArrayList<>());

	private final AtomicLong failed = new AtomicLong();

	private AcknowledgedSends(Producer<K, V> producer) {
		this.producer = producer;
	}

	/** Tracks the sends through {@code producer}; {@link #close()} checks them, then closes it. */
	public static <K, V> AcknowledgedSends<K, V> of(Producer<K, V> producer) {
		return new AcknowledgedSends<>(producer);
	}

	/** Sends the records through {@code producer}, then waits until the broker acknowledged every one. */
	public static <K, V> void sendAll(Producer<K, V> producer, Iterable<ProducerRecord<K, V>> records) {
		AcknowledgedSends<K, V> sends = new AcknowledgedSends<>(producer);
		records.forEach(sends::send);
		sends.awaitAcknowledged();
	}

	/** Sends the record; a failure is reported by {@link #awaitAcknowledged()}. */
	public void send(ProducerRecord<K, V> record) {
		sent.incrementAndGet();
		producer.send(record, (metadata, exception) -> {
			if (exception == null) {
				acknowledged.incrementAndGet();
				perPartition.merge(new TopicPartition(metadata.topic(), metadata.partition()), 1L, Long::sum);
			}
			else if (failed.incrementAndGet() <= REPORTED_FAILURES) {
				failures.add(record.topic() + (record.partition() == null ? "" : "-" + record.partition()) + ": "
						+ exception);
			}
		});
	}

	/**
	 * Flushes the producer and waits for every acknowledgement.
	 * @throws AssertionError when a send failed or was not acknowledged: how many, and the first errors
	 */
	public void awaitAcknowledged() {
		producer.flush();
		long deadline = System.nanoTime() + ACKNOWLEDGEMENT.toNanos();
		while (acknowledged.get() + failed.get() < sent.get() && System.nanoTime() < deadline) {
			sleep();
		}
		if (acknowledged.get() != sent.get()) {
			throw new AssertionError("the broker acknowledged " + acknowledged.get() + " of " + sent.get()
					+ " records sent (" + failed.get() + " failed); first errors: " + failures);
		}
	}

	/** The records the broker acknowledged so far, per partition. */
	public Map<TopicPartition, Long> acknowledgedPerPartition() {
		return Map.copyOf(perPartition);
	}

	/** Checks every send ({@link #awaitAcknowledged()}), then closes the producer. */
	@Override
	public void close() {
		try {
			awaitAcknowledged();
		}
		finally {
			producer.close();
		}
	}

	private static void sleep() {
		try {
			TimeUnit.MILLISECONDS.sleep(10);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("interrupted while waiting for acknowledgements", ex);
		}
	}

}
