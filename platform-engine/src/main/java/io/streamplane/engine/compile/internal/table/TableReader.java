package io.streamplane.engine.compile.internal.table;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.streamplane.engine.compile.EndOfInput;
import io.streamplane.engine.compile.internal.value.Failure;
import io.streamplane.engine.compile.internal.value.Origin;
import io.streamplane.engine.compile.internal.value.RecordException;
import io.streamplane.engine.compile.internal.value.Row;
import io.streamplane.engine.compile.internal.value.RowParser;
import io.streamplane.engine.compile.internal.wiring.Compilation;
import io.streamplane.spec.Table;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The first operator after a table's topic: turns each record into an upsert (the row keyed by
 * its {@link TableKeys primary key}) or a delete (the key with a {@code null} row), for a
 * tombstone or a value {@code {"op": "delete"}}. A record that is not a JSON object or lacks a
 * primary-key field is dead-lettered with the step {@code tables.<name>}. End-of-input markers are
 * dropped: a table has no event time to advance.
 */
final class TableReader implements Processor<byte[], byte[], String, Row> {

	private final Table table;

	private final Compilation compilation;

	private final String deadLetter;

	private ProcessorContext<String, Row> context;

	TableReader(Table table, Compilation compilation, String deadLetter) {
		this.table = table;
		this.compilation = compilation;
		this.deadLetter = deadLetter;
	}

	@Override
	public void init(ProcessorContext<String, Row> context) {
		this.context = context;
	}

	@Override
	public void process(Record<byte[], byte[]> record) {
		if (compilation.endOfInputMarkers() && record.headers().lastHeader(EndOfInput.HEADER) != null) {
			return;
		}
		compilation.counting().recordIn().run();
		Origin origin = new Origin(record.key(), record.value());
		try {
			if (record.value() == null) {
				context.forward(new Record<>(TableKeys.ofRecordKey(record.key(), table.primaryKey()), null, record.timestamp()));
				return;
			}
			Map<String, Object> fields = RowParser.parse(origin.value());
			if ("delete".equals(fields.get("op"))) {
				String key = record.key() != null ? TableKeys.ofRecordKey(record.key(), table.primaryKey())
						: TableKeys.ofRow(fields, table.primaryKey());
				context.forward(new Record<>(key, null, record.timestamp()));
				return;
			}
			context.forward(new Record<>(TableKeys.ofRow(fields, table.primaryKey()), Row.of(fields, origin),
					record.timestamp()));
		}
		catch (RecordException ex) {
			String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
			Row failed = Row.of(Map.of(), origin).fail(Failure.of("tables." + table.name(), ex));
			context.forward(new Record<>(key, failed, record.timestamp()), deadLetter);
		}
	}

}
