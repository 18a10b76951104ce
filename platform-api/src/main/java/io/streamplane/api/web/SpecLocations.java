package io.streamplane.api.web;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.streamplane.spec.SpecFormat;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.dataformat.yaml.YAMLFactory;

/**
 * Where each path of a spec text starts, so a problem can be shown at its line in an editor: the line and
 * column of a field's name, or of a list element's first token. Paths are written as spec problems name them,
 * {@code transforms.enriched.steps[0].filter}. Text that cannot be parsed has no locations, except the one a
 * syntax error message gives ({@code "... at line 3, column 7 ..."}).
 */
final class SpecLocations {

	private static final Pattern SYNTAX_ERROR_AT = Pattern.compile("at line (\\d+), column (\\d+)");

	private static final JsonFactory JSON = new JsonFactory();

	private static final YAMLFactory YAML = new YAMLFactory();

	private final Map<String, Location> starts;

	private SpecLocations(Map<String, Location> starts) {
		this.starts = starts;
	}

	/**
	 * A line and a column, both from 1.
	 *
	 * @param line the line
	 * @param column the column
	 */
	record Location(int line, int column) {
	}

	/** The locations of every field and list element of {@code text}; as many as could be read. */
	static SpecLocations of(String text, SpecFormat format) {
		Map<String, Location> starts = new HashMap<>();
		try (JsonParser parser = (format == SpecFormat.YAML ? YAML : JSON).createParser(ObjectReadContext.empty(), text)) {
			for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
				TokenStreamContext context = parser.streamReadContext();
				if (token == JsonToken.PROPERTY_NAME) {
					starts.putIfAbsent(path(context), location(parser.currentTokenLocation()));
				}
				else if (token.isStructStart() && context.getParent() != null && context.getParent().inArray()) {
					starts.putIfAbsent(path(context.getParent()), location(parser.currentTokenLocation()));
				}
				else if (!token.isStructEnd() && context.inArray()) {
					starts.putIfAbsent(path(context), location(parser.currentTokenLocation()));
				}
			}
		}
		catch (JacksonException ex) {
			// a malformed text: its syntax error says where, see find
		}
		return new SpecLocations(starts);
	}

	/**
	 * Where a problem of {@code path} is: where the path starts, else where its nearest enclosing path starts
	 * (a missing field is shown at the object that lacks it), else, for a problem of the whole document, the
	 * place its message names.
	 */
	Optional<Location> find(String path, String message) {
		for (String at = path; !at.isEmpty(); at = parent(at)) {
			Location location = starts.get(at);
			if (location != null) {
				return Optional.of(location);
			}
		}
		Matcher syntax = SYNTAX_ERROR_AT.matcher(message);
		if (path.isEmpty() && syntax.find()) {
			return Optional.of(new Location(Integer.parseInt(syntax.group(1)), Integer.parseInt(syntax.group(2))));
		}
		return Optional.empty();
	}

	private static String parent(String path) {
		int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
		return cut < 0 ? "" : path.substring(0, cut);
	}

	private static String path(TokenStreamContext context) {
		StringBuilder path = new StringBuilder();
		append(path, context);
		return path.toString();
	}

	private static void append(StringBuilder path, TokenStreamContext context) {
		if (context == null || context.inRoot()) {
			return;
		}
		append(path, context.getParent());
		if (context.inArray()) {
			path.append('[').append(context.getCurrentIndex()).append(']');
		}
		else if (context.currentName() != null) {
			path.append(path.isEmpty() ? "" : ".").append(context.currentName());
		}
	}

	private static Location location(TokenStreamLocation location) {
		return new Location(location.getLineNr(), location.getColumnNr());
	}

}
