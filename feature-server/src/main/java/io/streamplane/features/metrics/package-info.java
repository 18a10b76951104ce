/**
 * The feature server's meters: freshness per view, ingest lag, tiles written and request timers. May use
 * Micrometer, the servlet API and the packages above; nothing depends on it but the auto-configuration, the
 * web layer and the serving endpoint.
 */
package io.streamplane.features.metrics;
