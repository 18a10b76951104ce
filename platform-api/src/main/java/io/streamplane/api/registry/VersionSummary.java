package io.streamplane.api.registry;

import java.time.Instant;

/**
 * One version in a pipeline's history.
 *
 * @param version the version number, from 1
 * @param createdAt when it was created
 * @param createdBy who created it
 */
public record VersionSummary(int version, Instant createdAt, String createdBy) {
}
