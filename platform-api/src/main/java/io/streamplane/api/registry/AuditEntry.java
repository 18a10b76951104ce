package io.streamplane.api.registry;

import java.time.Instant;

/**
 * One change in a pipeline's audit trail.
 *
 * @param action what was done: {@code CREATED}, {@code UPDATED}, {@code PAUSED}, {@code RESUMED},
 * {@code DELETED}
 * @param version the pipeline version after the change
 * @param actor who made it
 * @param clientAddress from where, if known
 * @param occurredAt when
 */
public record AuditEntry(String action, Integer version, String actor, String clientAddress, Instant occurredAt) {
}
