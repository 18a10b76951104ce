package io.streamplane.benchmarks.harness;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ArgumentsTest {

	private static final Map<String, String> DEFAULTS = Map.of("events", "1000", "report", "target/r.md");

	@Test
	void shouldApplyEachNamedValueOverTheDefaults() {
		assertThat(Arguments.parse(DEFAULTS, "--events=5", "--report=a=b.md"))
			.containsEntry("events", "5")
			.containsEntry("report", "a=b.md");
	}

	@Test
	void shouldRejectEveryUnknownOrMalformedArgumentAndListTheAllowedNames() {
		assertThatIllegalArgumentException().isThrownBy(() -> Arguments.parse(DEFAULTS, "--evnts=5", "events=5", "--=1"))
			.withMessageContaining("unknown argument '--evnts=5'")
			.withMessageContaining("unknown argument 'events=5'")
			.withMessageContaining("unknown argument '--=1'")
			.withMessageContaining("--events=...");
	}

}
