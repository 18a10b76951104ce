/**
 * The roles one binary can play (control plane, engine, feature server): their names, the
 * {@code streamplane.roles} setting and the condition that activates a role's configuration. May use Spring
 * only.
 */
package io.streamplane.role;
