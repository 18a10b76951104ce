package io.streamplane.engine.compile.internal.window;

import java.time.Duration;
import java.util.Set;

import io.streamplane.engine.compile.internal.value.Row;
import io.streamplane.engine.compile.internal.wiring.Compilation;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Supplies {@link WindowUpdates} with its window store: the persistent timestamped window store
 * the DSL would build for the same windows (same name, retention of size plus grace, segments,
 * changelog and serdes), behind the record cache.
 */
final class WindowUpdatesSupplier implements ProcessorSupplier<String, Row, Windowed<String>, WindowState> {

	private final TimeWindows windows;

	private final WindowFolder folder;

	private final String storeName;

	private final WindowStateSerde states;

	private final Compilation compilation;

	WindowUpdatesSupplier(Compilation compilation, TimeWindows windows, WindowFolder folder, String storeName,
			WindowStateSerde states) {
		this.compilation = compilation;
		this.windows = windows;
		this.folder = folder;
		this.storeName = storeName;
		this.states = states;
	}

	@Override
	public Processor<String, Row, Windowed<String>, WindowState> get() {
		return new WindowUpdates(windows, folder, storeName);
	}

	@Override
	public Set<StoreBuilder<?>> stores() {
		Duration retention = Duration.ofMillis(windows.size() + windows.gracePeriodMs());
		return Set.of(Stores.timestampedWindowStoreBuilder(compilation.timestampedWindowStore(storeName, retention,
				Duration.ofMillis(windows.size()), false), Serdes.String(), states).withCachingEnabled());
	}

}
