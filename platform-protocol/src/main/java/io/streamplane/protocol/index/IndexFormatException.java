package io.streamplane.protocol.index;

import io.streamplane.kernel.FailureKind;
import io.streamplane.kernel.StreamplaneException;

/**
 * An index record that breaks the contract of {@link IndexCodec}: a key that is not a JSON object of
 * scalar values, a value that is not an upsert. Permanent: reading the same bytes again fails again.
 */
public final class IndexFormatException extends StreamplaneException {

	private IndexFormatException(String message) {
		super(message, null, FailureKind.PERMANENT);
	}

	/** A record that breaks the contract described on {@link IndexCodec}. */
	public static IndexFormatException invalid(String message) {
		return new IndexFormatException(message);
	}

}
