/**
 * Validation of a spec: one binder per part of the document, each collecting every problem with its path,
 * and the CEL checks of expressions. May use CEL, Jackson and the package above; only
 * {@code io.streamplane.spec} uses it.
 */
package io.streamplane.spec.internal;
