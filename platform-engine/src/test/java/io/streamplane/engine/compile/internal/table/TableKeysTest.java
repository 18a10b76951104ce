package io.streamplane.engine.compile.internal.table;

import java.util.List;
import java.util.Map;

import io.streamplane.engine.compile.internal.value.JsonValues;
import io.streamplane.engine.compile.internal.value.RecordException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TableKeysTest {

	@Test
	void shouldEncodeAScalarKeyAsItsJsonTextAndAStringAsIs() {
		assertThat(TableKeys.of(7L, 1, "key")).isEqualTo("7").isEqualTo(JsonValues.toJson(7L).toString());
		assertThat(TableKeys.of(-9_007_199_254_740_993L, 1, "key")).isEqualTo("-9007199254740993");
		assertThat(TableKeys.of(true, 1, "key")).isEqualTo("true").isEqualTo(JsonValues.toJson(true).toString());
		assertThat(TableKeys.of("c7", 1, "key")).isEqualTo("c7");
		assertThat(TableKeys.of(null, 1, "key")).isNull();
	}

	@Test
	void shouldNameTheSameRowForAWholeDecimalAndAnInteger() {
		assertThat(TableKeys.of(7.0, 1, "key")).isEqualTo(TableKeys.of(7L, 1, "key"));
		assertThat(TableKeys.ofRow(Map.of("id", 7.0), List.of("id"))).isEqualTo("7");
		assertThat(TableKeys.of(List.of(1.0, "eu"), 2, "key")).isEqualTo("[1,\"eu\"]");
	}

	@Test
	void shouldRejectADecimalKeyNamingWhatItIs() {
		assertThatThrownBy(() -> TableKeys.of(1.5, 1, "join key \"user_id\""))
			.isInstanceOf(RecordException.class)
			.hasMessage("join key \"user_id\" must be a string, an integer or a bool, got a decimal number");
	}

}
