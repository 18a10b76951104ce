package io.streamplane.engine.compile.internal.interval;

import io.streamplane.engine.compile.internal.value.Row;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Carries the events of a kept side of a left, right or full stream–stream join whose join key is
 * {@code null} across the side's repartition topic, which would drop a record without a key: before
 * it ({@link Mark}) such an event gets its event time as a stand-in key, which only spreads the
 * events over partitions, and a header saying its key is {@code null}; after it, {@link Keyed}
 * keeps the other events for the join and {@link Unkeyed} takes these around it, the header gone
 * and the key {@code null} again. The events thus stay in the join's
 * sub-topology, under its exactly-once transactions, and go around the join, as they can match
 * nothing. End-of-input markers pass untouched.
 */
final class NullJoinKeys {

	/** The header of an event whose join key is {@code null} while it crosses the repartition topic. */
	static final String HEADER = "streamplane.null-join-key";

	private NullJoinKeys() {
	}

	/** Whether a record of a side that is not repartitioned has a {@code null} join key. */
	static boolean nullKey(String key, Row row) {
		return key == null && !row.marker();
	}

	/** Before the repartition topic: a {@code null} key becomes a stand-in and the header. */
	static final class Mark implements Processor<String, Row, String, Row> {

		private ProcessorContext<String, Row> context;

		@Override
		public void init(ProcessorContext<String, Row> context) {
			this.context = context;
		}

		@Override
		public void process(Record<String, Row> record) {
			if (!nullKey(record.key(), record.value())) {
				context.forward(record);
				return;
			}
			Headers headers = new RecordHeaders(record.headers().toArray());
			headers.add(HEADER, new byte[0]);
			context.forward(new Record<>(Long.toString(record.timestamp()), record.value(), record.timestamp(),
					headers));
		}

	}

	/**
	 * After the repartition topic, on the way to the join: drops the events that crossed it with a
	 * {@code null} join key. It keeps the key, so that Kafka Streams repartitions nothing again.
	 */
	static final class Keyed implements FixedKeyProcessor<String, Row, Row> {

		private FixedKeyProcessorContext<String, Row> context;

		@Override
		public void init(FixedKeyProcessorContext<String, Row> context) {
			this.context = context;
		}

		@Override
		public void process(FixedKeyRecord<String, Row> record) {
			if (record.headers().lastHeader(HEADER) == null) {
				context.forward(record);
			}
		}

	}

	/**
	 * After the repartition topic, around the join: only the events that crossed it with a
	 * {@code null} join key, the header gone and the key {@code null} again.
	 */
	static final class Unkeyed implements Processor<String, Row, String, Row> {

		private ProcessorContext<String, Row> context;

		@Override
		public void init(ProcessorContext<String, Row> context) {
			this.context = context;
		}

		@Override
		public void process(Record<String, Row> record) {
			if (record.headers().lastHeader(HEADER) == null) {
				return;
			}
			Headers headers = new RecordHeaders(record.headers().toArray());
			headers.remove(HEADER);
			context.forward(new Record<String, Row>(null, record.value(), record.timestamp(), headers));
		}

	}

}
