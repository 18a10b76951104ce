/**
 * The architecture rules every module's {@code ArchitectureTest} runs on its own main classes: no cycle
 * between sibling packages, an {@code internal} package used only from within its parent, compile code free of
 * runtime and CDC, spec, protocol and serving roles free of Kafka Streams and Debezium. May use ArchUnit and
 * JUnit only; modules depend on it in test scope.
 */
package io.streamplane.architecture;
