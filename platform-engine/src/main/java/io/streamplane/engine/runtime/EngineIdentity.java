package io.streamplane.engine.runtime;

/**
 * The id of this engine instance in status reports, Kafka client ids and static group membership:
 * {@code streamplane.engine.instance-id} if set, else the one kept in {@code <state-dir>/instance-id},
 * created on the first start as the host name plus a short random suffix. An instance thus keeps its
 * identity across restarts of the same state directory, and a restart within the session timeout takes
 * its partitions back without a rebalance.
 *
 * @param instanceId the id
 */
public record EngineIdentity(String instanceId) {

	/** The identity these properties give, reading or creating the id file if no id is configured. */
	public static EngineIdentity of(EngineProperties properties) {
		return new EngineIdentity(properties.instanceId() != null ? properties.instanceId()
				: InstanceIdFile.readOrCreate(properties.stateDir()));
	}

}
