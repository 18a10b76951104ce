package io.streamplane.engine.runtime;

import java.util.function.Consumer;

import io.streamplane.protocol.DesiredState;
import io.streamplane.spec.SpecVersions;

/**
 * Turns each desired state read from {@code sp.pipelines} into a {@link DesiredVersion} and hands it on
 * (to the supervisor and the CDC demand). This is the one place the engine validates a spec: through
 * {@link SpecVersions}, so the periodic re-publication of an unchanged version costs a lookup.
 */
final class DesiredVersions implements Consumer<DesiredState> {

	private final SpecVersions specs;

	private final Consumer<DesiredVersion> next;

	DesiredVersions(SpecVersions specs, Consumer<DesiredVersion> next) {
		this.specs = specs;
		this.next = next;
	}

	@Override
	public void accept(DesiredState desired) {
		next.accept(DesiredVersion.of(desired, specs));
	}

}
