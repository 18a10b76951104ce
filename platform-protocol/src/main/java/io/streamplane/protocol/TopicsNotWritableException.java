package io.streamplane.protocol;

import java.util.List;

import io.streamplane.kernel.FailureKind;
import io.streamplane.kernel.StreamplaneException;

/**
 * Some partitions of new topics did not become writable in time ({@link WritableTopics#await}).
 * Retriable: the brokers may still be starting or electing leaders.
 */
public final class TopicsNotWritableException extends StreamplaneException {

	private final List<String> partitions;

	TopicsNotWritableException(String message, List<String> partitions) {
		super(message, null, FailureKind.RETRIABLE);
		this.partitions = List.copyOf(partitions);
	}

	/** Each topic or partition that was not writable, with the reason, e.g. {@code orders-3: no leader}. */
	public List<String> partitions() {
		return partitions;
	}

}
