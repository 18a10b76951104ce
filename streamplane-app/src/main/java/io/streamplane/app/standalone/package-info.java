/**
 * Standalone mode: an embedded Kafka broker and PostgreSQL in the application's data directory, so a single
 * process runs without external infrastructure. May use Kafka's server classes and embedded PostgreSQL.
 */
package io.streamplane.app.standalone;
