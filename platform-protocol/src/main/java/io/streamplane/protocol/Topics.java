package io.streamplane.protocol;

/**
 * Names of the internal topics through which the roles talk to each other. Kafka carries all
 * data between roles, so engines keep running the last known pipelines while the control plane
 * is down.
 */
public final class Topics {

	/**
	 * Compacted topic of desired pipeline states, keyed by pipeline name, values
	 * {@link DesiredState} as JSON. Written by the control plane, read by engines.
	 */
	public static final String PIPELINES = "sp.pipelines";

	/**
	 * Topic of engine status reports, keyed by {@code <pipeline>/<instance>}, values
	 * {@link EngineStatus} as JSON. Written by engines, read by the control plane.
	 */
	public static final String STATUS = "sp.status";

	private Topics() {
	}

	/** The key of a status report of one engine instance for one pipeline. */
	public static String statusKey(String pipeline, String instanceId) {
		return pipeline + "/" + instanceId;
	}

}
