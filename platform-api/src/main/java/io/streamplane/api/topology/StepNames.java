package io.streamplane.api.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * Reads the spec step back from the name the compiler gave a node, store or internal topic: the step's spec
 * path with {@code [i]} written {@code .i}, then what the node does, e.g.
 * {@code transforms.revenue_1m.steps.1.aggregate} is the {@code aggregate} of the {@code window} step
 * {@code transforms.revenue_1m.steps[1]}. A name that follows no spec path (none should) is shown as it is.
 */
final class StepNames {

	private static final String NAME = "([A-Za-z][A-Za-z0-9_-]*)";

	private static final Pattern STEP = Pattern.compile("transforms\\." + NAME + "\\.steps\\.(\\d+)\\.(.+)");

	private static final Pattern NAMED = Pattern.compile("(sources|tables|transforms)\\." + NAME + "\\.(.+)");

	private static final Pattern LISTED = Pattern.compile("(outputs|features)\\.(\\d+)\\.(.+)");

	private final JsonNode spec;

	/** Names read against this spec document. */
	StepNames(JsonNode spec) {
		this.spec = spec;
	}

	/**
	 * The step a name implements.
	 *
	 * @param path the spec path, e.g. {@code transforms.revenue_1m.steps[1]}
	 * @param kind what the step is, e.g. {@code window}
	 * @param label owner, step and operation for people, e.g. {@code revenue_1m › window › aggregate}
	 */
	record Step(String path, String kind, String label) {
	}

	/** The step behind a node, store or internal topic name, if the name follows a spec path. */
	Optional<Step> of(String name) {
		Matcher step = STEP.matcher(name);
		if (step.matches()) {
			String kind = stepKind(spec.path("transforms").path(step.group(1)).path("steps").path(Integer.parseInt(step.group(2))));
			return Optional.of(new Step("transforms." + step.group(1) + ".steps[" + step.group(2) + "]", kind,
					label(step.group(1), kind, step.group(3))));
		}
		Matcher named = NAMED.matcher(name);
		if (named.matches()) {
			String section = named.group(1);
			String kind = switch (section) {
				case "sources" -> "source";
				case "tables" -> "table";
				default -> "merge";
			};
			return Optional.of(new Step(section + "." + named.group(2), kind, label(named.group(2), null, named.group(3))));
		}
		Matcher listed = LISTED.matcher(name);
		if (listed.matches()) {
			boolean output = listed.group(1).equals("outputs");
			JsonNode entry = spec.path(listed.group(1)).path(Integer.parseInt(listed.group(2)));
			String owner = output ? "output " + entry.path("kafka").path("topic").asString("#" + listed.group(2))
					: entry.path("name").asString("feature view #" + listed.group(2));
			return Optional.of(new Step(listed.group(1) + "[" + listed.group(2) + "]", output ? "output" : "feature view",
					label(owner, null, listed.group(3))));
		}
		return Optional.empty();
	}

	/** The name of a step object: its first field, {@code window} for a window with its {@code aggregate}. */
	private static String stepKind(JsonNode step) {
		if (step.has("window")) {
			return "window";
		}
		return step.propertyNames().stream().findFirst().orElse("step");
	}

	private static String label(String owner, String kind, String operation) {
		List<String> parts = new ArrayList<>();
		parts.add(owner);
		if (kind != null) {
			parts.add(kind);
		}
		for (String part : operation.replaceFirst("-repartition(?=-|$)", "").split("\\.")) {
			if (!part.equals(parts.getLast())) {
				parts.add(part);
			}
		}
		return String.join(" › ", parts);
	}

}
