package io.streamplane.engine.compile.internal;

import java.util.Map;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/** Splits failed records off a stream into the dead-letter topic. */
public final class DeadLetters {

	private DeadLetters() {
	}

	/**
	 * Writes the failed records of {@code records} to the dead-letter topic and returns the others.
	 * @param name the node name of the operator whose output is routed
	 */
	public static KStream<String, Row> route(Compilation compilation, KStream<String, Row> records, String name) {
		String prefix = name + ".";
		Map<String, KStream<String, Row>> branches = records.split(Named.as(prefix))
			.branch((key, row) -> row.failed(), Branched.withConsumer(failed -> write(compilation, failed, name), "failed"))
			.defaultBranch(Branched.as("ok"));
		return branches.get(prefix + "ok");
	}

	private static void write(Compilation compilation, KStream<String, Row> failed, String name) {
		failed.process(() -> new DeadLetterWriter(compilation.pipeline(), compilation.counting()),
				Named.as(name + ".dead-letter"))
			.to(compilation.deadLetterTopic(), Produced.with(Serdes.ByteArray(), Serdes.ByteArray())
				.withName(name + ".dead-letter-sink"));
	}

}
