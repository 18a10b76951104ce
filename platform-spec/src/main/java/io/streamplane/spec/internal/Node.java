package io.streamplane.spec.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;

/**
 * A position in the spec tree: a JSON value, its path, and where to report problems about it.
 * Every typed read reports a problem naming the path, the bad value and what is expected, and
 * returns empty, so callers read on and collect the next problem.
 */
final class Node {

	private final JsonNode value;

	private final String path;

	private final Problems problems;

	private Node(JsonNode value, String path, Problems problems) {
		this.value = value;
		this.path = path;
		this.problems = problems;
	}

	static Node root(JsonNode value, Problems problems) {
		return new Node(value, "", problems);
	}

	String path() {
		return path;
	}

	JsonNode value() {
		return value;
	}

	Problems problems() {
		return problems;
	}

	void report(String message) {
		problems.report(path, message);
	}

	/** The child at a field name; its path is {@code path.name}. */
	Node field(String name) {
		return new Node(value.path(name), path.isEmpty() ? name : path + "." + name, problems);
	}

	/** The element at a list position; its path is {@code path[index]}. */
	Node index(int index) {
		return new Node(value.path(index), path + "[" + index + "]", problems);
	}

	boolean has(String name) {
		return value.has(name) && !value.get(name).isNull();
	}

	/** The child if present and not null. */
	Optional<Node> optional(String name) {
		return has(name) ? Optional.of(field(name)) : Optional.empty();
	}

	/** The child if present; otherwise reports it missing at the child's path. */
	Optional<Node> required(String name) {
		if (has(name)) {
			return Optional.of(field(name));
		}
		field(name).report("missing required field '" + name + "'");
		return Optional.empty();
	}

	/** Whether this is an object with only allowed fields; reports a non-object and every unknown field. */
	boolean isObjectWith(List<String> allowed) {
		if (!value.isObject()) {
			report("expected an object with fields " + String.join(", ", allowed) + ", got " + describe(value));
			return false;
		}
		for (String name : value.propertyNames()) {
			if (!allowed.contains(name)) {
				field(name).report("unknown field '" + name + "'" + Suggestions.hint(name, allowed));
			}
		}
		return true;
	}

	/** The entries of an object, in document order; reports a non-object. */
	List<Map.Entry<String, Node>> entries(String expected) {
		if (!value.isObject()) {
			report("expected " + expected + ", got " + describe(value));
			return List.of();
		}
		List<Map.Entry<String, Node>> entries = new ArrayList<>();
		for (String name : value.propertyNames()) {
			entries.add(Map.entry(name, field(name)));
		}
		return entries;
	}

	/** The elements of a list; reports a non-list. */
	List<Node> elements(String expected) {
		if (!value.isArray()) {
			report("expected " + expected + ", got " + describe(value));
			return List.of();
		}
		List<Node> elements = new ArrayList<>();
		for (int i = 0; i < value.size(); i++) {
			elements.add(index(i));
		}
		return elements;
	}

	Optional<String> text() {
		if (!value.isString()) {
			report("expected a string, got " + describe(value));
			return Optional.empty();
		}
		return Optional.of(value.stringValue());
	}

	Optional<Boolean> bool() {
		if (!value.isBoolean()) {
			report("expected true or false, got " + describe(value));
			return Optional.empty();
		}
		return Optional.of(value.booleanValue());
	}

	/** A whole number from {@code min} to {@code max}. */
	Optional<Integer> intBetween(int min, int max) {
		if (value.isIntegralNumber() && value.canConvertToInt() && value.intValue() >= min && value.intValue() <= max) {
			return Optional.of(value.intValue());
		}
		report("expected a whole number from " + min + " to " + max + ", got " + describe(value));
		return Optional.empty();
	}

	Optional<Duration> duration() {
		if (!value.isString()) {
			report("expected a duration like 5m, got " + describe(value) + "; " + Durations.RULE);
			return Optional.empty();
		}
		Optional<Duration> duration = Durations.parse(value.stringValue());
		if (duration.isEmpty()) {
			report("expected a duration like 5m, got " + describe(value) + "; " + Durations.RULE);
		}
		return duration;
	}

	/** A positive duration. */
	Optional<Duration> positiveDuration() {
		Optional<Duration> duration = duration();
		if (duration.filter(Duration::isZero).isPresent()) {
			report("expected a positive duration like 5m, got \"" + value.stringValue() + "\"");
			return Optional.empty();
		}
		return duration;
	}

	/** An enum constant written in lower case, e.g. {@code exactly_once}. */
	<E extends Enum<E>> Optional<E> enumValue(Class<E> type) {
		List<String> ids = Stream.of(type.getEnumConstants()).map(Node::id).toList();
		if (value.isString()) {
			String text = value.stringValue();
			for (E constant : type.getEnumConstants()) {
				if (id(constant).equals(text)) {
					return Optional.of(constant);
				}
			}
			report("unknown value \"" + text + "\"" + Suggestions.hint(text, ids));
			return Optional.empty();
		}
		report("expected one of " + String.join(", ", ids) + ", got " + describe(value));
		return Optional.empty();
	}

	static String id(Enum<?> constant) {
		return constant.name().toLowerCase(Locale.ROOT);
	}

	/** A short description of a JSON value for messages: {@code number 5}, {@code string "x"}, ... */
	static String describe(JsonNode value) {
		if (value.isMissingNode() || value.isNull()) {
			return "null";
		}
		if (value.isString()) {
			String text = value.stringValue();
			return "\"" + (text.length() > 60 ? text.substring(0, 57) + "..." : text) + "\"";
		}
		if (value.isNumber()) {
			return "number " + value;
		}
		if (value.isBoolean()) {
			return "boolean " + value;
		}
		if (value.isArray()) {
			return "a list of " + value.size();
		}
		return "an object with fields " + value.propertyNames().stream().collect(Collectors.joining(", "));
	}

}
