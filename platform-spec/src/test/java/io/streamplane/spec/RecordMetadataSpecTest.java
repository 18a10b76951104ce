package io.streamplane.spec;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Issue 18: {@code meta} in expressions, its fields checked at validation. */
class RecordMetadataSpecTest {

	private final SpecReader reader = new SpecReader();

	@Test
	void shouldAcceptEveryFieldOfMeta() {
		String yaml = Specs.withSteps("""
				- filter: "meta.timestamp > timestamp('2026-01-01T00:00:00Z') && meta.partition >= 0"
				- set: { source: "meta.topic + '@' + string(meta.offset)", same: "meta.key == key" }
				""");

		assertThat(reader.read(yaml, SpecFormat.YAML).spec().transforms().get("enriched").steps()).hasSize(2);
	}

	@Test
	void shouldReportAFieldMetaDoesNotHaveWithTheFieldsItHas() {
		String yaml = Specs.withSteps("- filter: \"meta.timestmp > timestamp('2026-01-01T00:00:00Z')\"\n");

		SpecValidationException failure = catchThrowableOfType(SpecValidationException.class,
				() -> reader.read(yaml, SpecFormat.YAML));

		assertThat(failure.problems()).singleElement().satisfies(problem -> {
			assertThat(problem.path()).isEqualTo("transforms.enriched.steps[0].filter");
			assertThat(problem.message()).contains("meta has no field 'timestmp'").contains("did you mean 'timestamp'?")
				.contains("timestamp, key, topic, partition, offset");
		});
	}

	@Test
	void shouldLetADeclaredFieldNamedMetaHideTheMetadata() {
		String yaml = Specs.VALID.replace("merchant_id: string }", "merchant_id: string, meta: string }")
			.replace("amount > 0", "meta == 'x'");

		assertThat(reader.read(yaml, SpecFormat.YAML).spec().transforms()).containsKey("enriched");
	}

}
