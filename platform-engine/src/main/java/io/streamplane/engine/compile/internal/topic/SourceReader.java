package io.streamplane.engine.compile.internal.topic;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import io.streamplane.engine.compile.EndOfInput;
import io.streamplane.engine.compile.internal.operator.KeyBy;
import io.streamplane.engine.compile.internal.value.CelEvaluator;
import io.streamplane.engine.compile.internal.value.CelValues;
import io.streamplane.engine.compile.internal.value.Failure;
import io.streamplane.engine.compile.internal.value.Origin;
import io.streamplane.engine.compile.internal.value.RecordException;
import io.streamplane.engine.compile.internal.value.Row;
import io.streamplane.engine.compile.internal.value.RowParser;
import io.streamplane.engine.compile.internal.wiring.Compilation;
import io.streamplane.spec.FieldType;
import io.streamplane.spec.Source;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The first operator after a source topic: parses the JSON value, checks the declared field types,
 * computes the key and the event time, and forwards the record with its event time as the record
 * timestamp, so every window downstream (including across repartition topics, whose records keep
 * that timestamp) works in event time. Records that fail are forwarded as failed rows to its
 * dead-letter child only, to be dead-lettered with the step {@code sources.<name>} (or
 * {@code .key}, {@code .eventTime}).
 */
public final class SourceReader implements Processor<byte[], byte[], String, Row> {

	private final Source source;

	private final Compilation compilation;

	private final CelEvaluator key;

	private final EventTimeReader eventTime;

	private final String deadLetter;

	private ProcessorContext<String, Row> context;

	/** A reader forwarding its failures to the dead-letter child named {@code deadLetter}. */
	public SourceReader(Source source, Compilation compilation, CelEvaluator key, EventTimeReader eventTime, String deadLetter) {
		this.source = source;
		this.compilation = compilation;
		this.key = key;
		this.eventTime = eventTime;
		this.deadLetter = deadLetter;
	}

	@Override
	public void init(ProcessorContext<String, Row> context) {
		this.context = context;
	}

	@Override
	public void process(Record<byte[], byte[]> record) {
		if (compilation.endOfInputMarkers() && record.headers().lastHeader(EndOfInput.HEADER) != null) {
			context.forward(new Record<>(EndOfInput.KEY, Row.endOfInput(), record.timestamp()));
			return;
		}
		compilation.counting().recordIn().run();
		Origin origin = new Origin(record.key(), record.value());
		String recordKey = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
		String path = "sources." + source.name();
		Row row = Row.of(Map.of(), origin);
		try {
			row = parse(source, origin);
			path = "sources." + source.name() + ".key";
			String rowKey = key == null ? recordKey : KeyBy.keyOf(key.value(recordKey, row), key.text());
			path = "sources." + source.name() + ".eventTime";
			long time = eventTime.read(rowKey, row, record.timestamp());
			context.forward(new Record<>(rowKey, row, time));
		}
		catch (RecordException ex) {
			context.forward(new Record<>(recordKey, row.fail(Failure.of(path, ex)), record.timestamp()), deadLetter);
		}
	}

	/**
	 * Parses a source record's JSON value and checks the source's declared field types.
	 * @throws RecordException if the value is missing, not a JSON object or of a wrong type
	 */
	static Row parse(Source source, Origin origin) {
		if (origin.value() == null) {
			throw new RecordException("the record has no value; expected a JSON object");
		}
		Map<String, Object> parsed = RowParser.parse(origin.value());
		Row row = parsed instanceof LinkedHashMap<String, Object> plain ? Row.owning(plain, origin, false)
				: Row.of(parsed, origin);
		for (Map.Entry<String, FieldType> declared : source.fields().entrySet()) {
			Object value = row.fields().get(declared.getKey());
			if (value != null) {
				CelValues.toCel(declared.getKey(), value, declared.getValue().celType());
			}
		}
		return row;
	}

}
