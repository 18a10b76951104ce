/**
 * The admin token that guards the control plane's write endpoints: filter, authentication provider, problem
 * responses for missing or wrong tokens and the start-up check of the configured token. May use Spring
 * Security and the web package's problem writer.
 */
package io.streamplane.api.security;
