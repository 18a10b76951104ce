package io.streamplane.engine.compile.internal.topic;

import io.streamplane.engine.compile.internal.value.FlatJson;
import io.streamplane.engine.compile.internal.value.Row;
import io.streamplane.engine.compile.internal.wiring.Counting;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/** Writes rows to an output topic as JSON objects, keeping their keys; drops end-of-input markers. */
public final class OutputWriter implements Processor<String, Row, String, byte[]> {

	private final Counting counting;

	private final FlatJson json = new FlatJson();

	private ProcessorContext<String, byte[]> context;

	public OutputWriter(Counting counting) {
		this.counting = counting;
	}

	@Override
	public void init(ProcessorContext<String, byte[]> context) {
		this.context = context;
	}

	@Override
	public void process(Record<String, Row> record) {
		if (record.value().marker()) {
			return;
		}
		counting.recordOut().run();
		context.forward(record.withValue(json.toJsonBytes(record.value().fields())));
	}

}
