package io.streamplane.spec.internal;

import java.nio.charset.StandardCharsets;

import io.streamplane.spec.PipelineSpec;
import io.streamplane.spec.SpecFormat;
import io.streamplane.spec.SpecLimits;
import io.streamplane.spec.SpecValidationException;
import tools.jackson.databind.JsonNode;

/**
 * Parses and validates pipeline specs within {@link SpecLimits}; the engine of
 * {@link io.streamplane.spec.SpecReader}. Thread-safe.
 */
public final class SpecValidator {

	private final SpecLimits limits;

	private final DocumentParser parser;

	private final ExpressionCompiler expressions;

	public SpecValidator(SpecLimits limits) {
		this.limits = limits;
		this.parser = new DocumentParser(limits.maxDocumentBytes());
		this.expressions = new ExpressionCompiler(limits.maxExpressionLength(), limits.maxComprehensionDepth());
	}

	/**
	 * Parses spec text into a tree.
	 * @throws SpecValidationException with one problem if the text is too large or malformed
	 */
	public JsonNode parse(String text, SpecFormat format) {
		Problems problems = new Problems();
		checkSize(text.getBytes(StandardCharsets.UTF_8).length, problems);
		problems.throwIfAny();
		JsonNode document = parser.parse(text, format, problems).orElse(null);
		problems.throwIfAny();
		return document;
	}

	/**
	 * Validates a tree and binds it to the model.
	 * @throws SpecValidationException listing every problem
	 */
	public PipelineSpec validate(JsonNode document) {
		Problems problems = new Problems();
		checkSize(document.toString().getBytes(StandardCharsets.UTF_8).length, problems);
		problems.throwIfAny();
		PipelineSpec spec = new PipelineBinder(limits, expressions).bind(Node.root(document, problems)).orElse(null);
		problems.throwIfAny();
		return spec;
	}

	private void checkSize(int bytes, Problems problems) {
		if (bytes > limits.maxDocumentBytes()) {
			problems.report("", "the spec is " + bytes + " bytes, more than the limit of " + limits.maxDocumentBytes() +
					" bytes; shorten it or split it into several pipelines");
		}
	}

}
