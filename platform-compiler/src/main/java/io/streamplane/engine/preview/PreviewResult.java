package io.streamplane.engine.preview;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.node.ObjectNode;

/**
 * What a pipeline produced from a finite input, with every window closed at end of input.
 *
 * @param outputs the records written, by output topic (unique per pipeline), in the order of the
 * spec's outputs; each list in the order written
 * @param deadLetters the records dead-lettered, in the order written
 */
public record PreviewResult(Map<String, List<PreviewOutput>> outputs, List<DeadLetter> deadLetters) {

	public PreviewResult {
		Map<String, List<PreviewOutput>> copy = new LinkedHashMap<>();
		outputs.forEach((topic, records) -> copy.put(topic, List.copyOf(records)));
		outputs = Collections.unmodifiableMap(copy);
		deadLetters = List.copyOf(deadLetters);
	}

	/**
	 * The final table of a change stream written to {@code topic}: the fold of its changes by record
	 * key, {@code "op": "+"} as an upsert and {@code "op": "-"} as a delete, each row without its
	 * {@code op}, in the order its key was first inserted.
	 * @throws IllegalArgumentException if no output writes {@code topic}, or one of its records is not a change
	 */
	public List<PreviewOutput> finalTable(String topic) {
		List<PreviewOutput> changes = outputs.get(topic);
		if (changes == null) {
			throw new IllegalArgumentException("no output writes " + topic + "; outputs: " + outputs.keySet());
		}
		Map<String, PreviewOutput> rows = new LinkedHashMap<>();
		for (PreviewOutput change : changes) {
			String op = change.value().path("op").asString("");
			if (!op.equals("+") && !op.equals("-")) {
				throw new IllegalArgumentException(topic + " is not a change stream: " + change.value());
			}
			ObjectNode row = (ObjectNode) change.value().deepCopy();
			row.remove("op");
			if (op.equals("+")) {
				rows.put(change.key(), new PreviewOutput(change.key(), row, change.timestamp()));
			}
			else {
				rows.remove(change.key());
			}
		}
		return new ArrayList<>(rows.values());
	}

}
