/**
 * How CDC captures: Debezium embedded per table, leader election among engine instances, replication slot
 * and publication administration, the change records written to Kafka. May use Debezium, the PostgreSQL
 * driver and Kafka clients; only {@code io.streamplane.engine.cdc} uses it.
 */
package io.streamplane.engine.cdc.internal;
