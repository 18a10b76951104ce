package io.streamplane.engine.compile.internal.feature;

import io.streamplane.engine.compile.internal.value.Row;
import io.streamplane.engine.compile.internal.wiring.Counting;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Hands the tile a {@link TileUpdater} produced to the view's sink as its bytes, counting it as a
 * record out and as the view's newest event written (the record timestamp is the event time).
 */
final class TileWriter implements FixedKeyProcessor<String, Row, byte[]> {

	private final String view;

	private final Counting counting;

	private FixedKeyProcessorContext<String, byte[]> context;

	TileWriter(String view, Counting counting) {
		this.view = view;
		this.counting = counting;
	}

	@Override
	public void init(FixedKeyProcessorContext<String, byte[]> context) {
		this.context = context;
	}

	@Override
	public void process(FixedKeyRecord<String, Row> record) {
		counting.recordOut().run();
		counting.tileWritten().accept(view, record.timestamp());
		context.forward(record.withValue((byte[]) record.value().fields().get(TileUpdater.TILE)));
	}

}
