/**
 * Publishing desired pipeline states: every registry change is written to the compacted desired-state topic
 * the engines follow. May use Spring Kafka, the protocol and the registry.
 */
package io.streamplane.api.desiredstate;
