package io.streamplane.engine.compile.internal.value;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class JsonObjectReaderTest {

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> treeRead(String json) {
		return (Map<String, Object>) JsonValues.fromJson(JsonValues.JSON.readTree(utf8(json)));
	}

	@ParameterizedTest
	@ValueSource(strings = { "{}", "{\"ts\": 1700000000000, \"word\": \"abcdefg\"}",
			"{\"a\": 2, \"b\": 2.0, \"c\": 1e2, \"d\": -0, \"e\": 123456789012345678901234567890, \"f\": null}",
			"{\"n\": {\"x\": [1, \"y\", true, false, null, {\"z\": []}]}, \"s\": \"\\u00fc\\n\"}", " {\"a\": 1} " })
	void shouldReadPlainObjectsAsTheTreeReaderDoes(String json) {
		assertThat(JsonObjectReader.read(utf8(json)))
			.containsExactlyEntriesOf(treeRead(json));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "[1]", "\"text\"", "42", "{not json", "{\"a\": 1} {\"b\": 2}", "{\"a\": 1, \"a\": 2}",
			"{\"a\": null, \"a\": 2}", "{\"a\": [1, }" })
	void shouldLeaveEverythingElseToTheThoroughReader(String json) {
		assertThat(JsonObjectReader.read(utf8(json))).isNull();
	}

	@Test
	void shouldKeepFieldOrder() {
		assertThat(JsonObjectReader.read(utf8("{\"z\": 1, \"a\": 2, \"m\": 3}"))).containsKeys("z", "a", "m")
			.extracting(fields -> String.join(",", fields.keySet())).isEqualTo("z,a,m");
	}

}
