package io.streamplane.engine.compile.internal.wiring;

import io.streamplane.engine.compile.internal.value.Row;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * Gives an operator its dead-letter child: a {@link DeadLetterWriter} named
 * {@link #child(String) after the operator} and a sink to the dead-letter topic. The operator
 * forwards a failed record to that child by name, and every other record to all its children,
 * where the writer ignores it; so no extra node stands between an operator and the next.
 */
public final class DeadLetters {

	private DeadLetters() {
	}

	/** The node name of the dead-letter child of the operator named {@code operator}. */
	public static String child(String operator) {
		return operator + ".dead-letter";
	}

	/**
	 * Attaches the dead-letter child to the operator whose output is {@code records} and returns
	 * {@code records}, for the next operators to read.
	 * @param operator the node name of the operator, which forwards its failures to {@link #child}
	 */
	public static KStream<String, Row> attach(Compilation compilation, KStream<String, Row> records, String operator) {
		records.process(() -> new DeadLetterWriter(compilation.pipeline(), compilation.counting()),
				Named.as(child(operator)))
			.to(compilation.deadLetterTopic(), Produced.with(Serdes.ByteArray(), Serdes.ByteArray())
				.withName(operator + ".dead-letter-sink"));
		return records;
	}

}
