package io.streamplane.api.deadletters;

import java.util.List;

/**
 * The last records of a dead-letter topic, newest first.
 *
 * @param topic the dead-letter topic
 * @param records at most the asked number of records, newest (by timestamp) first
 * @param complete {@code false} when the time budget ran out before every partition was read to its end, so
 * some recent records may be missing
 */
public record RecentDeadLetters(String topic, List<DeadLetterRecord> records, boolean complete) {

	public RecentDeadLetters {
		records = List.copyOf(records);
	}

}
