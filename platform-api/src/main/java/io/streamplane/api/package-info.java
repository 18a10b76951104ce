/**
 * The control plane's root: its auto-configuration, properties and base exception. The sub-packages are its
 * rooms (registry, desired state, status, web, security, topology, console, dead letters, OpenAPI). May use
 * the spec, the protocol and the compiler's preview; never the engine, Kafka Streams or Debezium.
 */
package io.streamplane.api;
