package io.streamplane.engine.cdc;

/**
 * This engine instance as CDC sees it; the engine role defines it from its own configuration, so that CDC
 * needs nothing of the runtime.
 *
 * @param instanceId identifies this instance in the leader election and in Kafka client ids
 * @param replicationFactor of the topics CDC creates (leader, offsets, table topics); {@code -1} for the
 * broker default
 */
public record CdcInstance(String instanceId, int replicationFactor) {

}
