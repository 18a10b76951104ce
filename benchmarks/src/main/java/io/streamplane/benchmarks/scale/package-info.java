/**
 * The scale benchmark ({@code benchmarks/run-scale.sh}): a session-window pipeline over growing numbers of
 * users, the Streamplane pipeline beside the same logic hand-written in Kafka Streams, each in a JVM of its
 * own; then recovery after {@code kill -9}, from the changelogs and from a standby replica.
 */
package io.streamplane.benchmarks.scale;
