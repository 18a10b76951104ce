package io.streamplane.engine.compile.internal.value;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FlatJsonTest {

	private final FlatJson json = new FlatJson();

	private static Map<String, Object> fields(Object... entries) {
		Map<String, Object> fields = new LinkedHashMap<>();
		for (int i = 0; i < entries.length; i += 2) {
			fields.put((String) entries[i], entries[i + 1]);
		}
		return fields;
	}

	@Test
	void shouldWriteFlatRowsAsJacksonDoes() {
		List<Map<String, Object>> rows = List.of(fields(), fields("word", "abcdefg", "window_start",
				"2026-01-01T00:00:10Z", "window_end", "2026-01-01T00:00:20Z", "count", 42L),
				fields("a", null, "b", true, "c", false, "d", Long.MIN_VALUE, "e", Long.MAX_VALUE, "f", "", "g", " ~!{}"));
		for (Map<String, Object> row : rows) {
			assertThat(json.flat(row)).isNotNull().isEqualTo(JsonValues.toJsonBytes(row));
		}
	}

	@Test
	void shouldLeaveEverythingElseToJackson() {
		List<Map<String, Object>> rows = List.of(fields("x", 1.5), fields("x", "a/b"), fields("x", "\u00fc"),
				fields("x", "q\""), fields("x", "back\\slash"), fields("x", "line\n"), fields("x", List.of(1L)),
				fields("x", Map.of("y", 1L)), fields("\u00fc", 1L), fields("a", 1L, "b", 2.0));
		for (Map<String, Object> row : rows) {
			assertThat(json.flat(row)).isNull();
			assertThat(json.toJsonBytes(row)).isEqualTo(JsonValues.toJsonBytes(row));
		}
	}

	@Test
	void shouldMatchJacksonOnRandomPrintableText() {
		Random random = new Random(7);
		for (int n = 0; n < 2_000; n++) {
			char[] text = new char[random.nextInt(300)];
			for (int i = 0; i < text.length; i++) {
				text[i] = (char) (random.nextInt(0x60) + 0x20);
			}
			Map<String, Object> row = fields("k" + n, new String(text), "n", random.nextLong());
			assertThat(json.toJsonBytes(row)).as(Arrays.toString(text)).isEqualTo(JsonValues.toJsonBytes(row));
		}
	}

}
