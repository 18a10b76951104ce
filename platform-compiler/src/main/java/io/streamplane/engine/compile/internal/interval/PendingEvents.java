package io.streamplane.engine.compile.internal.interval;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import io.streamplane.engine.compile.internal.value.Row;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The events of one task of a left, right or full stream–stream join that have found no match
 * yet, in a state store ordered by event time: key {@code time (8 bytes, sign-flipped) · side ·
 * join key}, value the events of that time, side and key. Remembers the earliest time it holds,
 * in memory, so that looking for closed windows costs a comparison until one has closed; a task
 * reopened after a restart looks once. Each look starts where the last one ended, as nothing is
 * ever added before that (an event that late is dead-lettered first): a look from the first key
 * would walk again over every entry deleted since RocksDB last compacted them away, which under a
 * steady flow of closing windows costs time in proportion to all the events the join has seen.
 */
final class PendingEvents {

	/** One unmatched event: its join key, side, event time and record. */
	record Event(String key, boolean thisSide, long time, Row row) {
	}

	private final KeyValueStore<Bytes, List<Row>> store;

	private long earliest = Long.MIN_VALUE;

	private Bytes floor;

	private PendingEvents(KeyValueStore<Bytes, List<Row>> store) {
		this.store = store;
	}

	/** Holds {@code row}, of {@code thisSide}, until its window closes or a match arrives. */
	void add(String key, boolean thisSide, long time, Row row) {
		Bytes at = at(time, thisSide, key);
		List<Row> rows = store.get(at);
		List<Row> next = rows == null ? new ArrayList<>(1) : new ArrayList<>(rows);
		next.add(row);
		store.put(at, next);
		earliest = Math.min(earliest, time);
	}

	/** Forgets the events of {@code thisSide} with {@code key} and {@code time}: they found a match. */
	void matched(String key, boolean thisSide, long time) {
		Bytes at = at(time, thisSide, key);
		if (store.get(at) != null) {
			store.delete(at);
		}
	}

	/** Hands every event whose time is before {@code before} to {@code out}, oldest first, and forgets it. */
	void closeBefore(long before, Consumer<Event> out) {
		if (earliest >= before) {
			return;
		}
		List<Bytes> closed = new ArrayList<>();
		long next = Long.MAX_VALUE;
		try (KeyValueIterator<Bytes, List<Row>> all = store.range(floor, null)) {
			while (all.hasNext()) {
				KeyValue<Bytes, List<Row>> entry = all.next();
				ByteBuffer at = ByteBuffer.wrap(entry.key.get());
				long time = at.getLong() ^ Long.MIN_VALUE;
				if (time >= before) {
					next = time;
					break;
				}
				boolean thisSide = at.get() == 0;
				String key = StandardCharsets.UTF_8.decode(at).toString();
				entry.value.forEach(row -> out.accept(new Event(key, thisSide, time, row)));
				closed.add(entry.key);
			}
		}
		closed.forEach(store::delete);
		earliest = next;
		floor = at(before, true, "");
	}

	private static Bytes at(long time, boolean thisSide, String key) {
		byte[] text = key.getBytes(StandardCharsets.UTF_8);
		return Bytes.wrap(ByteBuffer.allocate(9 + text.length).putLong(time ^ Long.MIN_VALUE)
			.put((byte) (thisSide ? 0 : 1)).put(text).array());
	}

	/** The pending events of each task of one join, shared by the trackers of its two sides. */
	static final class Shared {

		private final Map<TaskId, PendingEvents> tasks = new ConcurrentHashMap<>();

		PendingEvents open(TaskId task, KeyValueStore<Bytes, List<Row>> store) {
			return tasks.computeIfAbsent(task, ignored -> new PendingEvents(store));
		}

		void close(TaskId task) {
			tasks.remove(task);
		}

	}

}
