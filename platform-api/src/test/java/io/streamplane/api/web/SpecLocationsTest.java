package io.streamplane.api.web;

import io.streamplane.api.web.SpecLocations.Location;
import io.streamplane.spec.SpecFormat;
import io.streamplane.spec.SpecReader;
import io.streamplane.spec.SpecValidationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SpecLocationsTest {

	private static final String YAML = """
			name: revenue
			sources:
			  payments:
			    kafka: { topic: payments, format: json }
			    lateness: 5 seconds
			transforms:
			  big:
			    from: payments
			    steps:
			      - filter: "amount > 100"
			      - set: { flagged: "true" }
			outputs:
			  - { from: big, kafka: { topic: big-payments, format: json } }
			""";

	@Test
	void shouldLocateFieldsAndListElementsOfYaml() {
		SpecLocations locations = SpecLocations.of(YAML, SpecFormat.YAML);

		assertThat(locations.find("sources.payments.lateness", "")).contains(new Location(5, 5));
		assertThat(locations.find("transforms.big.steps[1]", "")).contains(new Location(11, 9));
		assertThat(locations.find("transforms.big.steps[1].set.flagged", "")).contains(new Location(11, 16));
		assertThat(locations.find("outputs[0].kafka.topic", "")).contains(new Location(13, 27));
	}

	@Test
	void shouldShowAMissingFieldAtTheObjectThatLacksIt() {
		SpecLocations locations = SpecLocations.of(YAML, SpecFormat.YAML);

		assertThat(locations.find("sources.payments.eventTime.field", "")).contains(new Location(3, 3));
		assertThat(locations.find("features", "")).isEmpty();
	}

	@Test
	void shouldLocateJsonToo() {
		SpecLocations locations = SpecLocations.of("{\n  \"name\": \"x\",\n  \"outputs\": [\n    {\"from\": 1}\n  ]\n}",
				SpecFormat.JSON);

		assertThat(locations.find("outputs[0].from", "")).contains(new Location(4, 6));
	}

	@Test
	void shouldTakeTheLineOfASyntaxErrorFromItsMessage() {
		SpecLocations locations = SpecLocations.of("name: x\nsources: [\n", SpecFormat.YAML);

		assertThat(locations.find("", "malformed YAML at line 3, column 1: something")).contains(new Location(3, 1));
	}

	@Test
	void shouldGiveEveryProblemOfAnInvalidSpecItsLine() {
		SpecValidationException invalid = catchThrowableOfType(SpecValidationException.class,
				() -> new SpecReader().read(YAML, SpecFormat.YAML));

		InvalidSpecException located = InvalidSpecException.located(invalid, YAML, SpecFormat.YAML);

		assertThat(located.errors()).anySatisfy(error -> {
			assertThat(error.path()).isEqualTo("sources.payments.lateness");
			assertThat(error.line()).isEqualTo(5);
		});
		assertThat(located.errors()).allSatisfy(error -> assertThat(error.line()).isNotNull());
	}

}
