/**
 * What the compiler builds for a pipeline, as a graph people can read: sub-topologies, sources, processors,
 * sinks, stores and topics, each node labelled with the spec step it implements. Served by
 * {@code GET /api/v1/pipelines/{name}/topology} and drawn by the web console.
 */
package io.streamplane.api.topology;
