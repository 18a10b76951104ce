package io.streamplane.benchmarks.streamjoin;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An ad impression, as the workload writes it.
 *
 * @param impressionId the impression's id, also its record key
 * @param ad the ad shown
 * @param ts when, in milliseconds since the UTC epoch, also the record timestamp
 */
record Impression(@JsonProperty("impression_id") String impressionId, String ad, long ts) {
}
