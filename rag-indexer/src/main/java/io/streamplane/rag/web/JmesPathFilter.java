package io.streamplane.rag.web;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The subset of JMESPath that Pathway's {@code metadata_filter} examples use, turned into a filter of
 * {@link io.streamplane.rag.index.FilterQueries}: comparisons of a metadata field with a literal
 * ({@code ==}, {@code !=}, {@code <}, {@code <=}, {@code >}, {@code >=}; literals as {@code `json`} or
 * {@code 'raw string'}), {@code contains(field, literal)} (an element of an array field, or equality),
 * {@code &&}, {@code ||}, {@code !} and parentheses. Anything else is refused, naming where it stopped.
 */
final class JmesPathFilter {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private final String text;

	private int at;

	private JmesPathFilter(String text) {
		this.text = text;
	}

	/**
	 * The filter of a JMESPath expression.
	 *
	 * @throws IllegalArgumentException naming the position and what was expected
	 */
	static JsonNode toFilter(String expression) {
		JmesPathFilter parser = new JmesPathFilter(expression);
		JsonNode filter = parser.or();
		parser.skipSpaces();
		if (parser.at < expression.length()) {
			throw parser.expected("&&, || or the end");
		}
		return filter;
	}

	private JsonNode or() {
		JsonNode left = and();
		while (consume("||")) {
			left = combine("or", left, and());
		}
		return left;
	}

	private JsonNode and() {
		JsonNode left = unary();
		while (consume("&&")) {
			left = combine("and", left, unary());
		}
		return left;
	}

	private static JsonNode combine(String operator, JsonNode left, JsonNode right) {
		ArrayNode both = NODES.arrayNode().add(left).add(right);
		return NODES.objectNode().set(operator, both);
	}

	private JsonNode unary() {
		if (consume("!")) {
			return NODES.objectNode().set("not", unary());
		}
		if (consume("(")) {
			JsonNode inner = or();
			if (!consume(")")) {
				throw expected(")");
			}
			return inner;
		}
		String name = identifier();
		if (name.equals("contains") && consume("(")) {
			String field = identifier();
			if (!consume(",")) {
				throw expected(",");
			}
			JsonNode value = literal();
			if (!consume(")")) {
				throw expected(")");
			}
			return NODES.objectNode().set(field, value);
		}
		return comparison(name);
	}

	private JsonNode comparison(String field) {
		for (String operator : new String[] { "==", "!=", "<=", ">=", "<", ">" }) {
			if (consume(operator)) {
				JsonNode value = literal();
				ObjectNode condition = NODES.objectNode();
				return switch (operator) {
					case "==" -> condition.set(field, value);
					case "!=" -> NODES.objectNode().set("not", condition.set(field, value));
					default -> condition.set(field, NODES.objectNode().set(range(operator), value));
				};
			}
		}
		throw expected("a comparison (==, !=, <, <=, >, >=) after '" + field + "'");
	}

	private static String range(String operator) {
		return switch (operator) {
			case "<" -> "lt";
			case "<=" -> "lte";
			case ">" -> "gt";
			default -> "gte";
		};
	}

	private JsonNode literal() {
		skipSpaces();
		if (at < text.length() && (text.charAt(at) == '`' || text.charAt(at) == '\'')) {
			char quote = text.charAt(at);
			int end = text.indexOf(quote, at + 1);
			if (end < 0) {
				throw expected("a closing " + quote);
			}
			String raw = text.substring(at + 1, end);
			at = end + 1;
			if (quote == '\'') {
				return NODES.stringNode(raw);
			}
			try {
				return JSON.readTree(raw);
			}
			catch (JacksonException ex) {
				return NODES.stringNode(raw);
			}
		}
		throw expected("a literal such as `2024` or 'text'");
	}

	private String identifier() {
		skipSpaces();
		int start = at;
		while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
			at++;
		}
		if (at == start) {
			throw expected("a metadata field name");
		}
		return text.substring(start, at);
	}

	private boolean consume(String token) {
		skipSpaces();
		if (text.startsWith(token, at)) {
			at += token.length();
			return true;
		}
		return false;
	}

	private void skipSpaces() {
		while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
			at++;
		}
	}

	private IllegalArgumentException expected(String what) {
		return new IllegalArgumentException("expected " + what + " at character " + at + " of \"" + text
				+ "\" (supported: comparisons, contains(), &&, ||, !, parentheses)");
	}

}
