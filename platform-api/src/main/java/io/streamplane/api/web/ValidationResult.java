package io.streamplane.api.web;

import tools.jackson.databind.JsonNode;

/**
 * The answer to a successful validation.
 *
 * @param valid always {@code true}; invalid specs get a 400 problem
 * @param name the pipeline name the spec declares
 * @param spec the spec as it would be stored (YAML normalised to JSON)
 */
public record ValidationResult(boolean valid, String name, JsonNode spec) {
}
