package io.streamplane.spec;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static io.streamplane.spec.Specs.VALID;
import static io.streamplane.spec.Specs.withSteps;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Issue 11: a published version is validated once, however often it is re-published. */
class SpecVersionsTest {

	private static final JsonNode DOCUMENT = new SpecReader().read(VALID, SpecFormat.YAML).document();

	private final SpecVersions versions = new SpecVersions();

	@Test
	void shouldNotValidateAgainWhenTheSameVersionIsRePublished() {
		ValidatedSpec first = versions.validated("shop", 1, DOCUMENT);
		ValidatedSpec again = versions.validated("shop", 1, DOCUMENT.deepCopy());

		assertThat(again).isSameAs(first);
		assertThat(first.spec().name()).isEqualTo("shop");
		assertThat(versions.validations()).isOne();
	}

	@Test
	void shouldValidateEachVersionAndEachPipelineOfItsOwn() {
		versions.validated("shop", 1, DOCUMENT);
		versions.validated("shop", 2, DOCUMENT);
		versions.validated("other", 1, DOCUMENT);

		assertThat(versions.validations()).isEqualTo(3);
	}

	@Test
	void shouldValidateAgainWhenAVersionArrivesWithAnotherDocument() {
		JsonNode changed = new SpecReader().read(withSteps("- filter: \"amount > 10\""), SpecFormat.YAML).document();

		versions.validated("shop", 1, DOCUMENT);
		ValidatedSpec second = versions.validated("shop", 1, changed);

		assertThat(versions.validations()).isEqualTo(2);
		assertThat(second.document()).isEqualTo(changed);
	}

	@Test
	void shouldRememberThatAVersionIsInvalidWithoutValidatingItAgain() {
		ObjectNode invalid = (ObjectNode) DOCUMENT.deepCopy();
		invalid.remove("sources");

		Throwable first = catchThrowable(() -> versions.validated("shop", 1, invalid));
		assertThatThrownBy(() -> versions.validated("shop", 1, invalid.deepCopy())).isSameAs(first)
			.isInstanceOf(SpecValidationException.class);
		assertThat(versions.validations()).isOne();
	}

	@Test
	void shouldNotChangeTheCachedVersionWhenTheCallerChangesItsDocument() {
		ObjectNode document = (ObjectNode) DOCUMENT.deepCopy();
		versions.validated("shop", 1, document);

		document.put("name", "changed");

		assertThat(versions.validated("shop", 1, DOCUMENT).spec().name()).isEqualTo("shop");
		assertThat(versions.validations()).isOne();
	}

	@Test
	void shouldDropTheLeastRecentlyUsedVersionBeyondItsCapacity() {
		SpecVersions two = new SpecVersions(new SpecReader(), 2);
		two.validated("a", 1, DOCUMENT);
		two.validated("b", 1, DOCUMENT);
		two.validated("a", 1, DOCUMENT);
		two.validated("c", 1, DOCUMENT);

		two.validated("a", 1, DOCUMENT);
		assertThat(two.validations()).as("a was used recently, b was dropped").isEqualTo(3);
		two.validated("b", 1, DOCUMENT);
		assertThat(two.validations()).isEqualTo(4);
	}

	@Test
	void shouldRejectACapacityBelowOne() {
		assertThatThrownBy(() -> new SpecVersions(new SpecReader(), 0)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("capacity must be at least 1, was 0");
	}

}
