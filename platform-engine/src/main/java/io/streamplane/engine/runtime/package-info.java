/**
 * Running pipelines: follows the desired states, supervises one Kafka Streams application per pipeline,
 * reports status, demands CDC tables and cleans up after deleted pipelines. May use the compiler's API, the
 * protocol, the spec and the CDC API.
 */
package io.streamplane.engine.runtime;
