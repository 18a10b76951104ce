/**
 * The OpenAPI document of the control plane, with the pipeline spec's JSON schema embedded. May use
 * springdoc, the spec and the web package.
 */
package io.streamplane.api.openapi;
