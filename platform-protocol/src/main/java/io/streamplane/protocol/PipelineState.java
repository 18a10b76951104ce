package io.streamplane.protocol;

/** The state a user wants a pipeline in. */
public enum PipelineState {

	/** Engines run the pipeline's latest version. */
	RUNNING,

	/** Engines stop processing but keep the pipeline's state and offsets. */
	PAUSED,

	/** Engines stop the pipeline and remove its local state and internal topics. */
	DELETED

}
