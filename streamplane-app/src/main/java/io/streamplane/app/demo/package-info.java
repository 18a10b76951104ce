/**
 * The demo: a sample pipeline, generated clicks and documents, registered at start-up when
 * {@code streamplane.demo.enabled} is set. May use the registry and the spec.
 */
package io.streamplane.app.demo;
