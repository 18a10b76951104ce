package io.streamplane.api.deadletters;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One record of a pipeline's dead-letter topic, as the engine wrote it.
 *
 * @param partition the topic partition
 * @param offset its offset in the partition
 * @param timestamp the record timestamp (the event time of the rejected record, when it had one)
 * @param key the record key as UTF-8 text, or {@code null}
 * @param value the record value as UTF-8 text (the bytes the record was read with), at most
 * {@link DeadLetterReader#MAX_VALUE_CHARS} characters
 * @param truncated whether {@code value} was cut
 * @param step the spec path of the step that rejected the record, e.g. {@code transforms.revenue_1m.steps[1]}
 * @param reason why, in words a user can act on
 * @param errorClass the class of the exception behind the failure, when there was one
 * @param late whether the record arrived after its window closed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeadLetterRecord(int partition, long offset, Instant timestamp, String key, String value,
		boolean truncated, String step, String reason, String errorClass, boolean late) {
}
