package io.streamplane.api.registry;

import io.streamplane.spec.SpecFormat;
import io.streamplane.spec.ValidatedSpec;

/**
 * A validated spec together with the text the user submitted, kept verbatim.
 *
 * @param spec the validated spec
 * @param text the submitted text
 * @param format the format of {@code text}
 */
public record SpecSource(ValidatedSpec spec, String text, SpecFormat format) {

	/** The pipeline name the spec declares. */
	public String name() {
		return spec.spec().name();
	}

}
