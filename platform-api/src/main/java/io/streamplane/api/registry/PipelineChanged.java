package io.streamplane.api.registry;

/**
 * Published inside the transaction that changed a pipeline's version or desired state; listeners
 * act after commit.
 *
 * @param name the pipeline that changed
 */
public record PipelineChanged(String name) {
}
