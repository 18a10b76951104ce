/**
 * The engine role's auto-configuration: wires the runtime and CDC when the engine role is active. The only
 * package that may use both.
 */
package io.streamplane.engine;
