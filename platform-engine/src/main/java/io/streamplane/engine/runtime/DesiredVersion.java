package io.streamplane.engine.runtime;

import java.util.Objects;
import java.util.Optional;

import io.streamplane.protocol.DesiredState;
import io.streamplane.protocol.PipelineState;
import io.streamplane.spec.PipelineSpec;
import io.streamplane.spec.SpecVersions;
import io.streamplane.spec.StreamplaneSpecException;
import io.streamplane.spec.ValidatedSpec;

/**
 * A desired state whose spec has been validated, once per version ({@link SpecVersions}): what the
 * supervisor, each {@link PipelineRunner}, {@link CdcDemand} and {@link PipelineLeftovers} work from, so
 * none of them reads the spec document again. A version whose spec does not validate still travels (a
 * runner fails it, CDC keeps its tables, clean-up removes what it can), carrying why.
 *
 * @param desired the desired state as published
 * @param validated the validated spec, if the document validates
 * @param invalid why it does not, if it does not (present exactly when {@code validated} is empty)
 */
record DesiredVersion(DesiredState desired, Optional<ValidatedSpec> validated,
		Optional<StreamplaneSpecException> invalid) {

	DesiredVersion {
		Objects.requireNonNull(desired, "desired");
		if (validated.isPresent() == invalid.isPresent()) {
			throw new IllegalArgumentException("a desired version is either valid or invalid");
		}
	}

	/** Validates the spec of {@code desired} through {@code versions}: a re-published version is not validated again. */
	static DesiredVersion of(DesiredState desired, SpecVersions versions) {
		if (desired.spec() == null) {
			return new DesiredVersion(desired, Optional.empty(), Optional.of(new StreamplaneSpecException(
					"the desired state of pipeline '" + desired.pipeline() + "' version " + desired.version()
							+ " carries no spec")));
		}
		try {
			return new DesiredVersion(desired,
					Optional.of(versions.validated(desired.pipeline(), desired.version(), desired.spec())),
					Optional.empty());
		}
		catch (StreamplaneSpecException ex) {
			return new DesiredVersion(desired, Optional.empty(), Optional.of(ex));
		}
	}

	String pipeline() {
		return desired.pipeline();
	}

	int version() {
		return desired.version();
	}

	PipelineState state() {
		return desired.state();
	}

	/**
	 * The typed spec of this version.
	 * @throws StreamplaneSpecException why the published document is not a valid spec
	 */
	PipelineSpec spec() {
		return validated.map(ValidatedSpec::spec).orElseThrow(invalid::get);
	}

}
