package io.streamplane.engine.compile.internal.window;

import java.time.Duration;

import io.streamplane.engine.compile.internal.wiring.Compilation;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.kstream.EmitStrategy;
import org.apache.kafka.streams.state.BuiltInDslStoreSuppliers;
import org.apache.kafka.streams.state.DslSessionParams;
import org.apache.kafka.streams.state.SessionBytesStoreSupplier;
import org.apache.kafka.streams.state.SessionStore;

/**
 * The store of a session window that emits on window close: the store Kafka Streams would choose
 * (time-ordered RocksDB with a key index, or in memory for a replay), retention gap plus lateness,
 * wrapped in a {@link DeferredPutSessionStore} so that no closed session is dropped before it is emitted, and, in
 * RocksDB, a session that moves to a later segment leaves a marker rather than a tombstone in its old one.
 *
 * @param inner Kafka Streams' own store for the same parameters
 */
record DeferredPutSessions(SessionBytesStoreSupplier inner) implements SessionBytesStoreSupplier {

	static DeferredPutSessions of(Compilation compilation, String name, Duration gap, Duration lateness) {
		DslSessionParams params = new DslSessionParams(name, gap.plus(lateness), EmitStrategy.onWindowClose());
		return new DeferredPutSessions(compilation.endOfInputMarkers()
				? new BuiltInDslStoreSuppliers.InMemoryDslStoreSuppliers().sessionStore(params)
				: new BuiltInDslStoreSuppliers.RocksDBDslStoreSuppliers().sessionStore(params));
	}

	@Override
	public String name() {
		return inner.name();
	}

	@Override
	public SessionStore<Bytes, byte[]> get() {
		SessionStore<Bytes, byte[]> store = inner.get();
		return new DeferredPutSessionStore(store, store.persistent() ? inner.segmentIntervalMs() : 0);
	}

	@Override
	public String metricsScope() {
		return inner.metricsScope();
	}

	@Override
	public long segmentIntervalMs() {
		return inner.segmentIntervalMs();
	}

	@Override
	public long retentionPeriod() {
		return inner.retentionPeriod();
	}

}
