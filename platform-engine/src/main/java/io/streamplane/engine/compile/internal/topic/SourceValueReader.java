package io.streamplane.engine.compile.internal.topic;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.streamplane.engine.compile.internal.value.Failure;
import io.streamplane.engine.compile.internal.value.Origin;
import io.streamplane.engine.compile.internal.value.RecordException;
import io.streamplane.engine.compile.internal.value.Row;
import io.streamplane.engine.compile.internal.wiring.Compilation;
import io.streamplane.spec.Source;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * The {@link SourceReader} of a running pipeline's source without a {@code key:} expression: the
 * record key stays the topic's (read as a UTF-8 string), so Kafka Streams knows the stream is
 * still partitioned as its topic, and a join on the record key ({@code on: key}) needs no
 * repartition. Parses, checks and stamps event time exactly as {@link SourceReader} does.
 */
public final class SourceValueReader implements FixedKeyProcessor<String, byte[], Row> {

	private final Source source;

	private final Compilation compilation;

	private final EventTimeReader eventTime;

	private final String deadLetter;

	private FixedKeyProcessorContext<String, Row> context;

	public SourceValueReader(Source source, Compilation compilation, EventTimeReader eventTime, String deadLetter) {
		this.source = source;
		this.compilation = compilation;
		this.eventTime = eventTime;
		this.deadLetter = deadLetter;
	}

	@Override
	public void init(FixedKeyProcessorContext<String, Row> context) {
		this.context = context;
	}

	@Override
	public void process(FixedKeyRecord<String, byte[]> record) {
		compilation.counting().recordIn().run();
		String key = record.key();
		Origin origin = new Origin(key == null ? null : key.getBytes(StandardCharsets.UTF_8), record.value());
		FixedKeyRecord<String, byte[]> clean = record.withHeaders(new RecordHeaders());
		String path = "sources." + source.name();
		Row row = Row.of(Map.of(), origin);
		try {
			row = SourceReader.parse(source, origin);
			path = "sources." + source.name() + ".eventTime";
			long time = eventTime.read(key, row, record.timestamp());
			context.forward(clean.withValue(row).withTimestamp(time));
		}
		catch (RecordException ex) {
			context.forward(clean.withValue(row.fail(Failure.of(path, ex))), deadLetter);
		}
	}

}
