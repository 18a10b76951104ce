/**
 * The wire protocol between roles: topic names, the desired state and status records, the Kafka client
 * configuration and a consumer loop. May use Kafka clients and Jackson only; every role depends on it.
 */
package io.streamplane.protocol;
