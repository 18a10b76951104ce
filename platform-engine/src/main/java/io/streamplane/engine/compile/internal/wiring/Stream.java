package io.streamplane.engine.compile.internal.wiring;

import java.time.Duration;

import io.streamplane.engine.compile.internal.value.Row;
import org.apache.kafka.streams.kstream.KStream;

/**
 * A named stream of the pipeline during compilation.
 *
 * @param records the records, keyed by their current key, with event time as record timestamp
 * @param needsRepartition whether the key changed since the records were last partitioned by it,
 * so a window must repartition first
 * @param lateness how late records may be and still count: the largest lateness of the sources
 * the stream reads
 * @param keyField the field holding the key, set by the last {@code keyBy}, or {@code null}
 */
public record Stream(KStream<String, Row> records, boolean needsRepartition, Duration lateness, String keyField) {

	/** A copy with other records, partitioned and keyed as before. */
	public Stream withRecords(KStream<String, Row> next) {
		return new Stream(next, needsRepartition, lateness, keyField);
	}

	/** A copy with other records whose key changed and is held in {@code field}. */
	public Stream rekeyed(KStream<String, Row> next, String field) {
		return new Stream(next, true, lateness, field);
	}

}
