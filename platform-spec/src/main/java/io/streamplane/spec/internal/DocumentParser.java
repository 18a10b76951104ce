package io.streamplane.spec.internal;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

import io.streamplane.spec.SpecFormat;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLParser;

/**
 * Parses spec text into a JSON tree, safely: duplicate keys and trailing content are errors,
 * nesting and sizes are bounded, YAML aliases are rejected (Jackson would turn them into their
 * anchor's name) and YAML tags are ignored, so no type is ever instantiated from the document.
 */
final class DocumentParser {

	private static final int MAX_NESTING = 64;

	private final ObjectMapper json;

	private final ObjectMapper yaml;

	DocumentParser(int maxDocumentBytes) {
		StreamReadConstraints constraints = StreamReadConstraints.builder()
			.maxNestingDepth(MAX_NESTING)
			.maxDocumentLength(maxDocumentBytes)
			.maxStringLength(maxDocumentBytes)
			.build();
		this.json = JsonMapper.builder(JsonFactory.builder().streamReadConstraints(constraints).build())
			.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
			.build();
		this.yaml = YAMLMapper.builder(YAMLFactory.builder().streamReadConstraints(constraints).build())
			.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
			.build();
	}

	/** The document's tree, or empty with one problem at the root saying where the syntax breaks. */
	Optional<JsonNode> parse(String text, SpecFormat format, Problems problems) {
		ObjectMapper mapper = (format == SpecFormat.YAML) ? yaml : json;
		try {
			if (format == SpecFormat.YAML) {
				rejectAliases(text);
			}
			JsonNode tree = mapper.readTree(text);
			if (tree == null || tree.isMissingNode() || tree.isNull()) {
				problems.report("", "the document is empty; expected a pipeline spec object with at least " +
						"name, sources and outputs");
				return Optional.empty();
			}
			return Optional.of(tree);
		}
		catch (JacksonException ex) {
			problems.report("", "malformed " + format + at(ex.getLocation()) + ": " + describe(ex));
			return Optional.empty();
		}
	}

	private void rejectAliases(String text) {
		try (JsonParser parser = yaml.createParser(text)) {
			while (parser.nextToken() != null) {
				if (((YAMLParser) parser).isCurrentAlias()) {
					throw new AliasException(parser);
				}
			}
		}
	}

	private static String at(TokenStreamLocation location) {
		if (location == null || location.getLineNr() < 1) {
			return "";
		}
		return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
	}

	private static String describe(JacksonException ex) {
		String message = ex.getOriginalMessage();
		if (message.startsWith("Duplicate Object property")) {
			return message.replace("Duplicate Object property", "duplicate field") +
					"; each field may appear only once in an object";
		}
		if (message.startsWith("Trailing token")) {
			return "content after the end of the spec; a spec is one document";
		}
		return Arrays.stream(message.split("\n"))
			.filter(line -> !line.startsWith(" in reader") && !line.startsWith("    ") && !line.isBlank())
			.map(String::strip)
			.collect(Collectors.joining("; "));
	}

	/** A YAML alias such as {@code *defaults}. */
	private static final class AliasException extends tools.jackson.core.exc.StreamReadException {

		AliasException(JsonParser parser) {
			super(parser, "YAML aliases (*name) are not supported; write the value out in full");
		}

	}

}
