/**
 * PostgreSQL change data capture: the {@link io.streamplane.engine.cdc.CdcCapture} API, the captured tables,
 * their status and properties, and the configuration. May use the spec, the protocol and its
 * {@code internal} package; not the runtime.
 */
package io.streamplane.engine.cdc;
