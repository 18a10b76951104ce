package io.streamplane.engine.runtime;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.streamplane.protocol.DesiredState;
import io.streamplane.protocol.PipelineState;
import io.streamplane.spec.SpecFormat;
import io.streamplane.spec.SpecReader;
import io.streamplane.spec.SpecValidationException;
import io.streamplane.spec.SpecVersions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 11: the engine validates a published version once; the periodic re-publication of the same version
 * reaches the supervisor and the CDC demand with the spec validated the first time.
 */
class DesiredVersionsTest {

	private static final JsonNode SPEC = new SpecReader().read("""
			name: orders
			sources:
			  orders: { kafka: { topic: orders, format: json }, fields: { id: int } }
			outputs:
			  - { from: orders, kafka: { topic: orders-out, format: json } }
			""", SpecFormat.YAML).document();

	private final SpecVersions specs = new SpecVersions();

	private final List<DesiredVersion> received = new ArrayList<>();

	private final DesiredVersions versions = new DesiredVersions(specs, received::add);

	@Test
	void shouldNotValidateAVersionAgainWhenItIsRePublished() {
		versions.accept(desired(1, PipelineState.RUNNING, SPEC, "2026-01-01T00:00:00Z"));
		versions.accept(desired(1, PipelineState.RUNNING, SPEC.deepCopy(), "2026-01-01T00:00:30Z"));
		versions.accept(desired(1, PipelineState.PAUSED, SPEC.deepCopy(), "2026-01-01T00:01:00Z"));

		assertThat(specs.validations()).isOne();
		assertThat(received).hasSize(3)
			.allSatisfy(version -> assertThat(version.validated()).containsSame(received.getFirst().validated().get()));
		assertThat(received.getLast().spec().name()).isEqualTo("orders");
	}

	@Test
	void shouldValidateANewVersion() {
		versions.accept(desired(1, PipelineState.RUNNING, SPEC, "2026-01-01T00:00:00Z"));
		versions.accept(desired(2, PipelineState.RUNNING, SPEC, "2026-01-01T00:00:30Z"));

		assertThat(specs.validations()).isEqualTo(2);
	}

	@Test
	void shouldCarryWhyAnInvalidVersionDoesNotValidateWithoutValidatingItAgain() {
		ObjectNode invalid = (ObjectNode) SPEC.deepCopy();
		invalid.remove("outputs");

		versions.accept(desired(3, PipelineState.RUNNING, invalid, "2026-01-01T00:00:00Z"));
		versions.accept(desired(3, PipelineState.RUNNING, invalid, "2026-01-01T00:00:30Z"));

		assertThat(specs.validations()).isOne();
		assertThat(received).allSatisfy(version -> assertThat(version.validated()).isEmpty());
		assertThatThrownBy(() -> received.getLast().spec()).isInstanceOf(SpecValidationException.class)
			.hasMessageContaining("outputs");
	}

	@Test
	void shouldTellThatADesiredStateCarriesNoSpec() {
		versions.accept(desired(4, PipelineState.DELETED, null, "2026-01-01T00:00:00Z"));

		assertThat(specs.validations()).isZero();
		assertThatThrownBy(() -> received.getLast().spec())
			.hasMessage("the desired state of pipeline 'orders' version 4 carries no spec");
	}

	@Test
	void shouldTakeAnInvalidVersionOutOfTheCdcDemandWithoutFailing() {
		CdcDemand demand = new CdcDemand(Optional.empty());
		ObjectNode invalid = (ObjectNode) SPEC.deepCopy();
		invalid.remove("outputs");
		DesiredVersions toDemand = new DesiredVersions(specs, demand::accept);

		toDemand.accept(desired(1, PipelineState.RUNNING, invalid, "2026-01-01T00:00:00Z"));
		demand.caughtUp();

		assertThat(demand.reports("orders")).isEmpty();
		assertThat(demand.permanentFailure("orders")).isEmpty();
	}

	private static DesiredState desired(int version, PipelineState state, JsonNode spec, String at) {
		return new DesiredState("orders", version, state, spec, Instant.parse(at));
	}

}
