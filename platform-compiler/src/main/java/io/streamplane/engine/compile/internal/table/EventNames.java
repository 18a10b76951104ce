package io.streamplane.engine.compile.internal.table;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.ProcessingContext;

/**
 * Names the events of one task for a reactive join: {@code <topic>/<partition>/<offset>} of the
 * input record, with {@code /<n>} for the n-th of several records made from one input record (e.g.
 * by {@code explode}), stable when records are reprocessed; a record forwarded by a punctuation,
 * which has no input record, is named by its task and timestamp instead. Also writes the name into
 * a record's headers, where the join reads it ({@link RememberedEvents}).
 */
final class EventNames {

	/** The header carrying an event's identity to the join. */
	static final String IDENTITY = "sp.identity";

	/** The header marking an event whose join key is {@code null}: it can never match. */
	static final String NO_JOIN_KEY = "sp.no-join-key";

	private String lastSource;

	private int sequence;

	/** The identity of the record {@code context} is processing, with its {@code timestamp}. */
	String next(ProcessingContext context, long timestamp) {
		String source = context.recordMetadata()
			.map(metadata -> metadata.topic() + "/" + metadata.partition() + "/" + metadata.offset())
			.orElseGet(() -> "task/" + context.taskId() + "/" + timestamp);
		if (source.equals(lastSource)) {
			sequence++;
			return source + "/" + sequence;
		}
		lastSource = source;
		sequence = 0;
		return source;
	}

	/** Writes {@code identity}, and whether the event has no join key, into {@code headers}, replacing any earlier. */
	static void mark(Headers headers, String identity, boolean noJoinKey) {
		headers.remove(IDENTITY).remove(NO_JOIN_KEY).add(IDENTITY, identity.getBytes(StandardCharsets.UTF_8));
		if (noJoinKey) {
			headers.add(NO_JOIN_KEY, new byte[0]);
		}
	}

}
