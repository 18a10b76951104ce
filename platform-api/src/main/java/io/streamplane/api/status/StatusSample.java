package io.streamplane.api.status;

import java.time.Instant;

/**
 * A pipeline's status totals at one moment, for charts.
 *
 * @param at when the sample was taken
 * @param state the observed state then ({@link PipelineStatus#state()})
 * @param recordsInPerSecond records consumed per second, summed over live instances
 * @param recordsOutPerSecond records produced per second
 * @param consumerLag records not yet consumed
 * @param lateRecords records beyond lateness, since the instances started the pipeline
 * @param deadLetters records dead-lettered, since the instances started the pipeline
 */
public record StatusSample(Instant at, String state, double recordsInPerSecond, double recordsOutPerSecond,
		long consumerLag, long lateRecords, long deadLetters) {
}
