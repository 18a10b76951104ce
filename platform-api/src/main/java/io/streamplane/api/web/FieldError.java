package io.streamplane.api.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One problem in a request, listed in a problem's {@code errors}.
 *
 * @param path where: a spec path such as {@code transforms.enriched.steps[0].filter}, or a request
 * parameter name; empty for the whole document
 * @param message what is wrong and how to fix it
 * @param line for a problem of a spec sent as text, the line (from 1) where {@code path} starts, or where
 * its nearest enclosing field starts when the path itself is missing; {@code null} otherwise
 * @param column the column (from 1) on {@code line}, or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldError(String path, String message, Integer line, Integer column) {

	/** A problem without a place in a text. */
	public FieldError(String path, String message) {
		this(path, message, null, null);
	}

}
