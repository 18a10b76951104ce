package io.streamplane.spec;

import java.util.Objects;

import io.streamplane.spec.internal.SpecValidator;
import tools.jackson.databind.JsonNode;

/**
 * Reads pipeline specs: parses JSON or YAML text, validates it completely and binds it to a
 * {@link PipelineSpec}, with every CEL expression compiled and type-checked once. The control
 * plane uses it to validate on registration and for preview, the engine to compile; both get
 * the same answer for the same document. The spec format is described on {@link PipelineSpec}.
 * <p>
 * Instances are immutable and thread-safe.
 */
public final class SpecReader {

	private final SpecValidator validator;

	/** A reader with {@link SpecLimits#defaults() the default limits}. */
	public SpecReader() {
		this(SpecLimits.defaults());
	}

	/** A reader that rejects specs beyond the given limits. */
	public SpecReader(SpecLimits limits) {
		this.validator = new SpecValidator(Objects.requireNonNull(limits, "limits"));
	}

	/**
	 * Parses and validates spec text.
	 * @param text the spec, at most {@link SpecLimits#maxDocumentBytes()} in UTF-8
	 * @param format the syntax of {@code text}
	 * @return the model and the document as a JSON tree
	 * @throws SpecValidationException on malformed text (one problem at the root, with line and
	 * column), or listing every validation problem, each with its path
	 */
	public ValidatedSpec read(String text, SpecFormat format) {
		Objects.requireNonNull(text, "text");
		Objects.requireNonNull(format, "format");
		return read(validator.parse(text, format));
	}

	/**
	 * Validates an already parsed spec tree, e.g. one embedded in a JSON request or re-read from
	 * storage.
	 * @param document the spec tree; not modified
	 * @return the model and a private copy of the document
	 * @throws SpecValidationException listing every problem, each with its path
	 */
	public ValidatedSpec read(JsonNode document) {
		Objects.requireNonNull(document, "document");
		JsonNode copy = document.deepCopy();
		return new ValidatedSpec(validator.validate(copy), copy);
	}

}
