/**
 * The read token that guards the feature endpoints, as a Spring Security filter chain and as a filter the
 * Netty serving endpoint reuses. May use Spring Security and the feature server's properties.
 */
package io.streamplane.features.security;
