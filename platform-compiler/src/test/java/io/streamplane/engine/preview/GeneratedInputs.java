package io.streamplane.engine.preview;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Expands a conformance case's {@code inputs_generated}: per user a number of events, keyed by the
 * user, with value {@code {"user_id": ..., "ts": ...}}; event {@code i} of a user (from 0) has
 * {@code ts = ts_start + i * ts_step_seconds_per_user_event}, ISO-8601 UTC. With {@code interleave}
 * the users take turns in the order listed while they have events left, else each user's events
 * follow the previous user's.
 */
final class GeneratedInputs {

	private GeneratedInputs() {
	}

	static List<PreviewInput> of(JsonNode generated) {
		String topic = generated.get("topic").asString();
		Instant start = Instant.parse(generated.get("ts_start").asString());
		long step = generated.get("ts_step_seconds_per_user_event").asLong();
		Map<String, Integer> remaining = new LinkedHashMap<>();
		generated.get("users").properties().forEach(user -> remaining.put(user.getKey(), user.getValue().asInt()));
		Map<String, Integer> sent = new LinkedHashMap<>();
		List<PreviewInput> inputs = new ArrayList<>();
		boolean interleave = generated.path("interleave").asBoolean(false);
		while (remaining.values().stream().anyMatch(count -> count > 0)) {
			for (String user : remaining.keySet()) {
				int turn = interleave ? Math.min(1, remaining.get(user)) : remaining.get(user);
				for (int j = 0; j < turn; j++) {
					int i = sent.merge(user, 1, Integer::sum) - 1;
					inputs.add(PreviewInput.of(topic, user, event(user, start.plusSeconds(i * step))));
				}
				remaining.merge(user, -turn, Integer::sum);
			}
		}
		return inputs;
	}

	private static ObjectNode event(String user, Instant ts) {
		return JsonNodeFactory.instance.objectNode().put("user_id", user).put("ts", ts.toString());
	}

}
