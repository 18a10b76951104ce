package io.streamplane.engine.compile.internal.interval;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The stream time of one stream–stream join, per task, shared by the lateness checks of its two
 * sides and by the trackers of unmatched events (as Kafka Streams shares one time tracker between
 * the two sides of its own join): the
 * largest event time either side has seen. Held in memory for speed and written to the task's
 * stream-time store on every advance, from which a task reopened after a restart or rebalance
 * starts again.
 */
final class SharedStreamTime {

	private static final String KEY = "stream-time";

	private final Map<TaskId, Clock> clocks = new ConcurrentHashMap<>();

	/** The clock of {@code task}, read from {@code store} when the task has none open. */
	Clock open(TaskId task, KeyValueStore<String, Long> store) {
		return clocks.computeIfAbsent(task, ignored -> {
			Long stored = store.get(KEY);
			return new Clock(store, stored == null ? Long.MIN_VALUE : stored);
		});
	}

	/** Forgets the clock of a closed task; the store keeps its time. */
	void close(TaskId task) {
		clocks.remove(task);
	}

	/** The stream time of one task; used by that task's thread only. */
	static final class Clock {

		private final KeyValueStore<String, Long> store;

		private long time;

		private Clock(KeyValueStore<String, Long> store, long time) {
			this.store = store;
			this.time = time;
		}

		/** The stream time: the largest event time seen, {@link Long#MIN_VALUE} before any. */
		long time() {
			return time;
		}

		/** Advances to {@code eventTime} if it is later, and returns the stream time. */
		long advance(long eventTime) {
			if (eventTime > time) {
				time = eventTime;
				store.put(KEY, time);
			}
			return time;
		}

	}

}
