package io.streamplane.protocol;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A daemon thread that owns one Kafka consumer and runs a body with it until stopped: the way
 * every role reads the topics it follows ({@link Topics#PIPELINES}, {@link Topics#STATUS}, feature
 * tiles) without a consumer group. The thread's handle is set before the thread starts, so the
 * body never sees itself stopped before it began; {@link #stop} wakes the consumer up and waits
 * for the thread. The consumer is created on the thread and closed when the body returns.
 *
 * @param <C> the consumer type
 */
public final class ConsumerLoop<C extends Consumer<?, ?>> {

	private static final Logger log = LoggerFactory.getLogger(ConsumerLoop.class);

	/**
	 * What the loop does with its consumer.
	 *
	 * @param <C> the consumer type
	 */
	@FunctionalInterface
	public interface Body<C> {

		/**
		 * Reads with the consumer; returns, or is woken up, when {@code running} turns false.
		 * @param consumer the loop's consumer, closed after the body returns
		 * @param running whether the loop should go on
		 */
		void run(C consumer, BooleanSupplier running);

	}

	private final String threadName;

	private final String failure;

	private final Supplier<C> consumers;

	private final Body<C> body;

	private volatile Thread thread;

	private volatile C consumer;

	/**
	 * A loop that is not started yet.
	 * @param threadName the name of the loop's thread
	 * @param failure what stops working when the body fails, for the error log
	 * @param consumers creates the consumer, on the loop's thread
	 * @param body what the loop does
	 */
	public ConsumerLoop(String threadName, String failure, Supplier<C> consumers, Body<C> body) {
		this.threadName = threadName;
		this.failure = failure;
		this.consumers = consumers;
		this.body = body;
	}

	/** Starts the thread. */
	public void start() {
		Thread started = Thread.ofPlatform().name(threadName).daemon().unstarted(this::run);
		thread = started;
		started.start();
	}

	/** Stops the thread: wakes its consumer, interrupts it and waits at most {@code timeout}. */
	public void stop(Duration timeout) {
		Thread running = thread;
		thread = null;
		C current = consumer;
		if (current != null) {
			current.wakeup();
		}
		if (running != null) {
			running.interrupt();
			try {
				running.join(timeout);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/** Whether the loop was started and not stopped. */
	public boolean isRunning() {
		return thread != null;
	}

	private void run() {
		try (C owned = consumers.get()) {
			consumer = owned;
			body.run(owned, () -> thread != null && !Thread.currentThread().isInterrupted());
		}
		catch (WakeupException | InterruptException ex) {
			log.debug("{} stopped", threadName);
		}
		catch (RuntimeException ex) {
			log.error("{} failed and stopped; {}", threadName, failure, ex);
		}
		finally {
			consumer = null;
		}
	}

}
