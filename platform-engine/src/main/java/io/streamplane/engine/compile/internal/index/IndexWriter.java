package io.streamplane.engine.compile.internal.index;

import java.util.Arrays;
import java.util.Map;

import io.streamplane.engine.compile.internal.value.Row;
import io.streamplane.engine.compile.internal.wiring.Counting;
import io.streamplane.protocol.index.IndexChange;
import io.streamplane.protocol.index.IndexCodec;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Writes the projected rows of an index ({@link IndexProjection}) as index-topic records
 * ({@link IndexCodec}): an upsert with the row's text and metadata, or a tombstone for a row that left the
 * table, keyed by the primary key, with the change's record timestamp (its time at the source) as the
 * record's. A store ({@link WrittenRow} per changelog key, with a changelog) remembers what was written, so
 * <ul>
 * <li>a change that leaves key, text and metadata as they were writes nothing (a column outside the index
 * changed, or a joined row changed without touching this row's metadata);</li>
 * <li>a delete names the row by the key it was written with, and a row never written deletes nothing;</li>
 * <li>a row whose primary key changed (a {@code set} over a key field) deletes its old record first.</li>
 * </ul>
 */
final class IndexWriter implements Processor<String, Row, byte[], byte[]> {

	private final String index;

	private final String store;

	private final Counting counting;

	private ProcessorContext<byte[], byte[]> context;

	private KeyValueStore<String, byte[]> written;

	IndexWriter(String index, String store, Counting counting) {
		this.index = index;
		this.store = store;
		this.counting = counting;
	}

	@Override
	public void init(ProcessorContext<byte[], byte[]> context) {
		this.context = context;
		this.written = context.getStateStore(store);
	}

	@Override
	public void process(Record<String, Row> record) {
		byte[] stored = written.get(record.key());
		WrittenRow last = stored == null ? null : WrittenRow.fromBytes(stored);
		if (record.value() == null) {
			if (last != null) {
				delete(last, record);
				written.delete(record.key());
			}
			return;
		}
		IndexChange.Upsert upsert = upsert(record.value());
		byte[] key = IndexCodec.key(upsert);
		byte[] value = IndexCodec.value(upsert);
		WrittenRow next = WrittenRow.of(key, value);
		if (last != null && last.sameAs(next)) {
			return;
		}
		if (last != null && !Arrays.equals(last.key(), key)) {
			delete(last, record);
		}
		context.forward(new Record<>(key, value, record.timestamp()));
		counting.recordOut().run();
		counting.indexWritten().written(index, false, record.timestamp());
		written.put(record.key(), next.toBytes());
	}

	private void delete(WrittenRow last, Record<String, Row> record) {
		context.forward(new Record<byte[], byte[]>(last.key(), null, record.timestamp()));
		counting.recordOut().run();
		counting.indexWritten().written(index, true, record.timestamp());
	}

	@SuppressWarnings("unchecked")
	private static IndexChange.Upsert upsert(Row row) {
		return new IndexChange.Upsert((Map<String, Object>) row.fields().get(IndexProjection.KEY),
				(String) row.fields().get(IndexProjection.TEXT), (Map<String, Object>) row.fields().get(IndexProjection.METADATA));
	}

}
