package io.streamplane.engine.compile.internal.window;

import io.streamplane.engine.compile.internal.value.Row;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.Window;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.TimestampedWindowStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * The aggregation of a tumbling or hopping window with {@code emit: updates}: Kafka Streams'
 * windowed aggregation, record for record (the same windows, the same rule for windows that have
 * closed, the same result timestamps), except that it forwards every change itself, at once,
 * while its store sits behind the record cache. So every change is still emitted, but the window
 * state reaches RocksDB and its changelog once per key and window per commit instead of once per
 * record, and reading it back is a cache hit. Store, changelog and their formats are the ones the
 * DSL's aggregation uses.
 * <p>
 * The states it wrote last ({@link #RECENT_WINDOWS} per task) are also kept as objects in
 * {@link RecentWindows}, so the next update of a busy window reads nothing back from the store (issue 14:
 * the read-back was a key to serialize, a record-cache lookup and a state to deserialize per update).
 * They are forgotten whenever the processor is initialised or closed, so a store restored from its
 * changelog (a new assignment, an aborted transaction) is read again.
 */
final class WindowUpdates implements Processor<String, Row, Windowed<String>, WindowState> {

	/** How many window states each task keeps in memory: 20,000 keys of a tumbling window, a few MB. */
	static final int RECENT_WINDOWS = 20_000;

	private final TimeWindows windows;

	private final WindowFolder folder;

	private final String storeName;

	private ProcessorContext<Windowed<String>, WindowState> context;

	private TimestampedWindowStore<String, WindowState> store;

	private final RecentWindows recent;

	private long streamTime = -1;

	/**
	 * @param windows the window shape, with the lateness as grace
	 * @param folder folds records into window states
	 * @param storeName the window store
	 */
	WindowUpdates(TimeWindows windows, WindowFolder folder, String storeName) {
		this(windows, folder, storeName, RECENT_WINDOWS);
	}

	/** As above, keeping {@code recentWindows} window states in memory. */
	WindowUpdates(TimeWindows windows, WindowFolder folder, String storeName, int recentWindows) {
		this.recent = new RecentWindows(recentWindows);
		this.windows = windows;
		this.folder = folder;
		this.storeName = storeName;
	}

	@Override
	public void init(ProcessorContext<Windowed<String>, WindowState> context) {
		this.context = context;
		this.store = context.getStateStore(storeName);
		this.recent.clear();
	}

	@Override
	public void close() {
		recent.clear();
	}

	@Override
	public void process(Record<String, Row> record) {
		String key = record.key();
		if (key == null) {
			// as in Kafka Streams; WindowInput has dead-lettered such records already
			return;
		}
		long time = record.timestamp();
		streamTime = Math.max(streamTime, time);
		long closeTime = streamTime - windows.gracePeriodMs();
		for (Window window : windows.windowsFor(time).values()) {
			if (window.end() > closeTime) {
				update(record, key, window);
			}
		}
	}

	private void update(Record<String, Row> record, String key, Window window) {
		long start = window.start();
		ValueAndTimestamp<WindowState> old = recent.get(key, start);
		if (old == null) {
			old = store.fetch(key, start);
		}
		WindowState before = old == null ? null : old.value();
		long timestamp = before == null ? record.timestamp() : Math.max(record.timestamp(), old.timestamp());
		WindowState after = folder.add(key, record.value(), before == null ? folder.initial() : before);
		ValueAndTimestamp<WindowState> written = ValueAndTimestamp.make(after, timestamp);
		store.put(key, written, start);
		recent.put(key, start, written);
		// one Record, not withKey().withValue().withTimestamp(): each copies the headers
		context.forward(new Record<>(new Windowed<>(key, window), after, timestamp, record.headers()));
	}

}
