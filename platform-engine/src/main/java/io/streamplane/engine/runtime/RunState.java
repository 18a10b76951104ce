package io.streamplane.engine.runtime;

/**
 * What one engine instance observes about one pipeline; reported as {@code EngineStatus.state}.
 */
public enum RunState {

	/** Compiling the spec, preparing topics or starting Kafka Streams. */
	STARTING,

	/** Kafka Streams is processing. */
	RUNNING,

	/** Kafka Streams is (re)assigning partitions among the instances, or restoring state. */
	REBALANCING,

	/** Processing is paused as desired; state and group membership are kept. */
	PAUSED,

	/** An input topic does not exist yet; checked again every status interval. */
	WAITING_FOR_INPUT,

	/** The pipeline failed and restarts after a backoff. */
	RESTARTING,

	/** The pipeline failed permanently, or too often; it stays so until its desired state changes. */
	FAILED;

	/** Whether a health check should report the pipeline as down. */
	public boolean isDown() {
		return this == FAILED;
	}

}
