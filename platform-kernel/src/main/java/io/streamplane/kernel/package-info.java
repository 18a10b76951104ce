/**
 * The kernel every module stands on: {@link io.streamplane.kernel.StreamplaneException}, the one unchecked base
 * exception, and {@link io.streamplane.kernel.FailureKind}, retriable or permanent. Uses the JDK only.
 */
package io.streamplane.kernel;
