/**
 * Pipeline status as the engines report it: the follower of the status topic, the board of the latest
 * report per instance and a short history per pipeline. May use Kafka clients and the protocol.
 */
package io.streamplane.api.status;
