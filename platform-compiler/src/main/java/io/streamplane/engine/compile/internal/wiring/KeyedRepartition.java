package io.streamplane.engine.compile.internal.wiring;

import io.streamplane.engine.compile.internal.value.MissingKey;
import io.streamplane.engine.compile.internal.value.Row;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * The records of a step that works per key (a window, a per-key step), partitioned by their key:
 * as they are, or, when the key changed since they were last partitioned, through the step's
 * repartition topic ({@code <path>.repartition}). A repartition topic silently drops a record
 * without a key, as one has after a left lookup join whose join key was {@code null}; so before it
 * {@link KeyCheck} sends such records to the step's dead-letter child ({@code <path>.key}) with
 * the {@link MissingKey} reason. Without a repartition the step checks the key itself.
 */
public final class KeyedRepartition {

	private KeyedRepartition() {
	}

	/**
	 * @param path the step's spec path
	 * @param need what the step does per key, for the reason, e.g. {@code a window groups by key}
	 */
	public static KStream<String, Row> of(Compilation compilation, Stream in, String path, String need) {
		if (!in.needsRepartition()) {
			return in.records();
		}
		String check = Compilation.name(path, "key");
		MissingKey missing = new MissingKey(in.keyField(), need);
		KStream<String, Row> keyed = DeadLetters.attach(compilation, in.records().processValues(() -> new KeyCheck(path,
				DeadLetters.child(check), missing), Named.as(check)), check);
		return keyed.repartition(Repartitioned.<String, Row>as(Compilation.name(path, "repartition"))
			.withKeySerde(Serdes.String()).withValueSerde(compilation.rows()));
	}

}
