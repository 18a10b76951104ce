package io.streamplane.api.registry;

/**
 * Who makes a change, for the audit trail.
 *
 * @param name the authenticated principal
 * @param clientAddress the client's network address, or {@code null}
 */
public record Actor(String name, String clientAddress) {
}
