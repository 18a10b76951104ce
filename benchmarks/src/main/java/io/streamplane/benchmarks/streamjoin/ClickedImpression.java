package io.streamplane.benchmarks.streamjoin;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One output record of the join: the impression's fields, then the click's, named as the
 * Streamplane join names them (the click's clashing fields prefixed {@code clicks_}).
 *
 * @param impressionId from the impression
 * @param ad from the impression
 * @param ts from the impression
 * @param clickId from the click
 * @param clickImpressionId from the click
 * @param clickTs from the click
 */
record ClickedImpression(@JsonProperty("impression_id") String impressionId, String ad, long ts,
		@JsonProperty("click_id") String clickId, @JsonProperty("clicks_impression_id") String clickImpressionId,
		@JsonProperty("clicks_ts") Long clickTs) {

	/** The pair, or under a left join without a click the impression with {@code null} for the click's fields. */
	static ClickedImpression of(Impression impression, Click click) {
		return click == null ? new ClickedImpression(impression.impressionId(), impression.ad(), impression.ts(), null,
				null, null)
				: new ClickedImpression(impression.impressionId(), impression.ad(), impression.ts(), click.clickId(),
						click.impressionId(), click.ts());
	}

}
