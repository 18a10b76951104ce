package io.streamplane.spec;

import java.time.Duration;

/**
 * Upper bounds that keep a pipeline spec, and the work to validate and run it, small. A spec
 * beyond any bound is rejected with a problem naming the limit, the value and the fix.
 *
 * @param maxDocumentBytes the largest spec text, in UTF-8 bytes
 * @param maxSources the most sources in one pipeline
 * @param maxTransforms the most transforms in one pipeline
 * @param maxOutputs the most outputs in one pipeline
 * @param maxSteps the most steps in one transform
 * @param maxExpressionLength the longest CEL expression, in characters
 * @param maxWindowSize the longest window: a window step's size or gap, a feature's window
 * @param maxWindowsPerRecord the most windows one record falls into: a hopping window's
 * {@code size / advance}
 * @param maxComprehensionDepth the deepest nesting of CEL comprehensions ({@code map},
 * {@code filter}, {@code all}, {@code exists}, {@code exists_one}) in one expression
 */
public record SpecLimits(int maxDocumentBytes, int maxSources, int maxTransforms, int maxOutputs, int maxSteps,
		int maxExpressionLength, Duration maxWindowSize, int maxWindowsPerRecord, int maxComprehensionDepth) {

	/**
	 * 1 MiB documents; 100 sources, transforms, outputs and steps; 4096-character expressions;
	 * windows of at most 366 days; at most 1000 windows per record; comprehensions nested at most 3 deep.
	 */
	public static final SpecLimits DEFAULTS = new SpecLimits(1024 * 1024, 100, 100, 100, 100, 4096,
			Duration.ofDays(366), 1000, 3);

	public SpecLimits {
		positive("maxDocumentBytes", maxDocumentBytes);
		positive("maxSources", maxSources);
		positive("maxTransforms", maxTransforms);
		positive("maxOutputs", maxOutputs);
		positive("maxSteps", maxSteps);
		positive("maxExpressionLength", maxExpressionLength);
		if (maxWindowSize == null || maxWindowSize.isNegative() || maxWindowSize.isZero()) {
			throw new IllegalArgumentException("SpecLimits.maxWindowSize must be positive, got " + maxWindowSize);
		}
		positive("maxWindowsPerRecord", maxWindowsPerRecord);
		positive("maxComprehensionDepth", maxComprehensionDepth);
	}

	/** The default limits, {@link #DEFAULTS}. */
	public static SpecLimits defaults() {
		return DEFAULTS;
	}

	/** A copy with another maximum document size, in UTF-8 bytes. */
	public SpecLimits withMaxDocumentBytes(int bytes) {
		return new SpecLimits(bytes, maxSources, maxTransforms, maxOutputs, maxSteps, maxExpressionLength,
				maxWindowSize, maxWindowsPerRecord, maxComprehensionDepth);
	}

	/** A copy with another maximum expression length, in characters. */
	public SpecLimits withMaxExpressionLength(int length) {
		return new SpecLimits(maxDocumentBytes, maxSources, maxTransforms, maxOutputs, maxSteps, length,
				maxWindowSize, maxWindowsPerRecord, maxComprehensionDepth);
	}

	/** A copy with another maximum number of sources. */
	public SpecLimits withMaxSources(int sources) {
		return new SpecLimits(maxDocumentBytes, sources, maxTransforms, maxOutputs, maxSteps, maxExpressionLength,
				maxWindowSize, maxWindowsPerRecord, maxComprehensionDepth);
	}

	private static void positive(String name, int value) {
		if (value < 1) {
			throw new IllegalArgumentException("SpecLimits." + name + " must be at least 1, got " + value);
		}
	}

}
