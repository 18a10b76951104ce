package io.streamplane.engine.compile.internal.value;

/**
 * The bytes a record had when it was read from its input topic, kept so that a record failing at
 * any later step is dead-lettered exactly as it arrived.
 *
 * @param key the record key as read, or {@code null}
 * @param value the record value as read, or {@code null}
 */
public record Origin(byte[] key, byte[] value) {

	/** An origin for a record produced inside the pipeline, e.g. a window result. */
	public static Origin none() {
		return new Origin(null, null);
	}

	/** Whether the record was read from an input topic, not produced by a window. */
	public boolean isKnown() {
		return key != null || value != null;
	}

}
