package io.streamplane.engine.preview;

import java.util.List;

import io.streamplane.spec.PipelineSpec;
import io.streamplane.spec.SpecFormat;
import io.streamplane.spec.SpecReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Helpers for preview tests: specs and records from text. */
final class Previews {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Previews() {
	}

	static PipelineSpec spec(String yaml) {
		return new SpecReader().read(yaml, SpecFormat.YAML).spec();
	}

	static PreviewInput input(String topic, String key, String json) {
		return PreviewInput.of(topic, key, JSON.readTree(json));
	}

	static JsonNode json(String json) {
		return JSON.readTree(json);
	}

	static List<Object> values(PreviewResult result, String topic) {
		return result.outputs().get(topic).stream().map(output -> JsonComparison.normalize(output.value())).toList();
	}

	static List<Object> field(PreviewResult result, String topic, String field) {
		return result.outputs().get(topic).stream().map(output -> JsonComparison.normalize(output.value().get(field)))
			.toList();
	}

	static Object value(String json) {
		return JsonComparison.normalize(JSON.readTree(json));
	}

	static List<Object> values(String... jsons) {
		return List.of(jsons).stream().map(Previews::value).toList();
	}

}
