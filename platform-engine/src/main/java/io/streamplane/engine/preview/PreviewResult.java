package io.streamplane.engine.preview;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

}
