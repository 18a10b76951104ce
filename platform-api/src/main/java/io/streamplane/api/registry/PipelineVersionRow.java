package io.streamplane.api.registry;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** One immutable version of a pipeline's spec, as validated (JSON) and as submitted. */
@Table("pipeline_version")
record PipelineVersionRow(@Id Long id, String pipelineName, int version, String specJson, String sourceText,
		String sourceFormat, Instant createdAt, String createdBy) {
}
