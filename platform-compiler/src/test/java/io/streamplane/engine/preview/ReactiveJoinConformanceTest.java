package io.streamplane.engine.preview;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.streamplane.spec.PipelineSpec;
import io.streamplane.spec.SpecFormat;
import io.streamplane.spec.SpecReader;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays conformance case c4 (reactive-join-retractions) through preview with
 * {@code examples/reactive-join-retractions.yaml}: the multiset of changes, for each row the
 * retraction of its old version before the insertion of the new one, and the final table (the
 * fold of the changes), all exact.
 */
class ReactiveJoinConformanceTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JsonNode conformance = read("c4-reactive-join.json");

	private final PreviewResult result = new PipelinePreview().run(spec(), inputs());

	private final List<PreviewOutput> changes = result.outputs().values().stream().flatMap(List::stream).toList();

	@Test
	void shouldEmitExactlyTheExpectedChanges() {
		List<Object> expected = conformance.get("expected").valueStream().map(JsonComparison::normalize).toList();

		assertThat(changes.stream().map(change -> JsonComparison.normalize(change.value())).toList())
			.containsExactlyInAnyOrderElementsOf(expected);
		assertThat(result.deadLetters()).isEmpty();
	}

	@Test
	void shouldRetractTheOldRowOfAKeyBeforeInsertingItsNewOne() {
		Map<String, Object> current = new HashMap<>();
		for (PreviewOutput change : changes) {
			Object row = JsonComparison.normalize(withoutOp(change.value()));
			if ("-".equals(change.value().get("op").asString())) {
				assertThat(current.remove(change.key())).as("retraction of %s matches its last insertion", change.key())
					.isEqualTo(row);
			}
			else {
				assertThat(current.put(change.key(), row)).as("insertion of %s follows its retraction", change.key()).isNull();
			}
		}
	}

	@Test
	void shouldFoldIntoTheExpectedFinalTable() {
		List<Object> table = result.finalTable("orders-with-customer").stream()
			.map(row -> JsonComparison.normalize(row.value())).toList();

		assertThat(table).containsExactlyInAnyOrderElementsOf(
				conformance.get("expected_final_table").valueStream().map(JsonComparison::normalize).toList());
	}

	private static JsonNode withoutOp(JsonNode change) {
		ObjectNode row = (ObjectNode) change.deepCopy();
		row.remove("op");
		return row;
	}

	private PipelineSpec spec() {
		try {
			Path example = TestFiles.examples().resolve(conformance.get("name").asString() + ".yaml");
			return new SpecReader().read(Files.readString(example), SpecFormat.YAML).spec();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private List<PreviewInput> inputs() {
		List<PreviewInput> inputs = new ArrayList<>();
		for (JsonNode input : conformance.get("inputs")) {
			JsonNode row = "delete".equals(input.path("op").asString(null)) ? null : input.get("value");
			inputs.add(PreviewInput.tableChange(input.get("table").asString(), PreviewInput.tableKey(input.get("key")), row));
		}
		return inputs;
	}

	private static JsonNode read(String file) {
		try {
			return JSON.readTree(Files.readString(TestFiles.conformance().resolve(file)));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
