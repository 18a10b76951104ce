package io.streamplane.api.registry;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** Who changed which pipeline, how and when. */
@Table("audit_event")
record AuditEventRow(@Id Long id, String pipelineName, String action, Integer version, String actor,
		String clientAddress, Instant occurredAt) {
}
