package io.streamplane.benchmarks.joins;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One output record of the enrichment: the event's fields, then the user's, the shape the
 * Streamplane join writes (no field names clash, so none is renamed).
 *
 * @param eventId from the event
 * @param userId from the event
 * @param page from the event
 * @param ts from the event
 * @param id from the user row
 * @param name from the user row
 * @param plan from the user row
 * @param country from the user row
 */
record EnrichedView(@JsonProperty("event_id") long eventId, @JsonProperty("user_id") long userId, String page,
		long ts, long id, String name, String plan, String country) {

	static EnrichedView of(PageView view, User user) {
		return new EnrichedView(view.eventId(), view.userId(), view.page(), view.ts(), user.id(), user.name(),
				user.plan(), user.country());
	}

}
