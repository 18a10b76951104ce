package io.streamplane.benchmarks.streamjoin;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A click on an impression, as the workload writes it.
 *
 * @param clickId the click's id, also its record key
 * @param impressionId the impression clicked: the join key
 * @param ts when, in milliseconds since the UTC epoch, also the record timestamp
 */
record Click(@JsonProperty("click_id") String clickId, @JsonProperty("impression_id") String impressionId, long ts) {
}
