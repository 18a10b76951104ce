package io.streamplane.api.web;

/**
 * One problem in a request, listed in a problem's {@code errors}.
 *
 * @param path where: a spec path such as {@code transforms.enriched.steps[0].filter}, or a request
 * parameter name; empty for the whole document
 * @param message what is wrong and how to fix it
 */
public record FieldError(String path, String message) {
}
