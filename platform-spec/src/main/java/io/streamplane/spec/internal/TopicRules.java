package io.streamplane.spec.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import io.streamplane.spec.Processing;
import io.streamplane.spec.Source;
import io.streamplane.spec.Table;

/**
 * Checks that each topic is read by one source or table only (Kafka Streams subscribes a topic
 * once per topology), and that the topics a pipeline writes are distinct, and distinct from the topics it reads:
 * two outputs on one topic would interleave, and writing a source topic would feed the pipeline
 * its own output.
 */
final class TopicRules {

	private TopicRules() {
	}

	static void check(Node root, Map<String, Source> sources, Map<String, Table> tables, Processing processing) {
		Map<String, String> read = new LinkedHashMap<>();
		sources.values().forEach(source -> read(root.field("sources").field(source.name()).field("kafka").field("topic"),
				source.kafka().topic(), "source '" + source.name() + "'", read));
		tables.values().forEach(table -> read(tableTopicNode(root.field("tables").field(table.name())), table.topic(),
				"table '" + table.name() + "'", read));
		Map<String, String> written = new LinkedHashMap<>();
		Node outputs = root.field("outputs");
		for (int i = 0; outputs.value().isArray() && i < outputs.value().size(); i++) {
			Node at = outputs.index(i).field("kafka").field("topic");
			String name = at.value().asString("");
			if (name.isEmpty()) {
				continue;
			}
			if (written.containsKey(name)) {
				at.report("duplicate output topic '" + name + "', also written by " + written.get(name) +
						"; give each output its own topic");
			}
			else if (read.containsKey(name)) {
				at.report("output topic '" + name + "' is read by " + read.get(name) +
						"; writing it would feed the pipeline its own output; choose another topic");
			}
			written.putIfAbsent(name, "outputs[" + i + "]");
		}
		String deadLetters = processing.deadLetterTopic();
		if (written.containsKey(deadLetters) || read.containsKey(deadLetters)) {
			root.field("processing").field("deadLetterTopic").report("dead-letter topic '" + deadLetters +
					"' is also a source, table or output topic; choose a topic of its own");
		}
	}

	private static void read(Node at, String topic, String reader, Map<String, String> read) {
		String first = read.putIfAbsent(topic, reader);
		if (first != null) {
			at.report("topic '" + topic + "' is also read by " + first + "; a pipeline reads each topic once: " +
					"use one source or table and let several transforms read it");
		}
	}

	private static Node tableTopicNode(Node table) {
		return table.has("kafka") ? table.field("kafka").field("topic") : table.field("postgresCdc").field("table");
	}

}
