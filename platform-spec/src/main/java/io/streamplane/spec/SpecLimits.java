package io.streamplane.spec;

/**
 * Upper bounds that keep a pipeline spec, and the work to validate and run it, small. A spec
 * beyond any bound is rejected with a problem naming the limit.
 *
 * @param maxDocumentBytes the largest spec text, in UTF-8 bytes
 * @param maxSources the most sources in one pipeline
 * @param maxTransforms the most transforms in one pipeline
 * @param maxOutputs the most outputs in one pipeline
 * @param maxSteps the most steps in one transform
 * @param maxExpressionLength the longest CEL expression, in characters
 */
public record SpecLimits(int maxDocumentBytes, int maxSources, int maxTransforms, int maxOutputs, int maxSteps,
		int maxExpressionLength) {

	/** 1 MiB documents; 100 sources, transforms, outputs and steps; 4096-character expressions. */
	public static final SpecLimits DEFAULTS = new SpecLimits(1024 * 1024, 100, 100, 100, 100, 4096);

	public SpecLimits {
		positive("maxDocumentBytes", maxDocumentBytes);
		positive("maxSources", maxSources);
		positive("maxTransforms", maxTransforms);
		positive("maxOutputs", maxOutputs);
		positive("maxSteps", maxSteps);
		positive("maxExpressionLength", maxExpressionLength);
	}

	/** The default limits, {@link #DEFAULTS}. */
	public static SpecLimits defaults() {
		return DEFAULTS;
	}

	/** A copy with another maximum document size, in UTF-8 bytes. */
	public SpecLimits withMaxDocumentBytes(int bytes) {
		return new SpecLimits(bytes, maxSources, maxTransforms, maxOutputs, maxSteps, maxExpressionLength);
	}

	/** A copy with another maximum expression length, in characters. */
	public SpecLimits withMaxExpressionLength(int length) {
		return new SpecLimits(maxDocumentBytes, maxSources, maxTransforms, maxOutputs, maxSteps, length);
	}

	private static void positive(String name, int value) {
		if (value < 1) {
			throw new IllegalArgumentException("SpecLimits." + name + " must be at least 1, got " + value);
		}
	}

}
