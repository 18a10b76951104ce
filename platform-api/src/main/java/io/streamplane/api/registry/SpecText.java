package io.streamplane.api.registry;

import io.streamplane.spec.SpecFormat;

/**
 * A version's spec as it was submitted, comments and layout included.
 *
 * @param version the version
 * @param text the submitted text
 * @param format its format
 */
public record SpecText(int version, String text, SpecFormat format) {
}
