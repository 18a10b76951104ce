/**
 * The control plane's HTTP API on Spring MVC: pipelines, versions, status, preview, schema and feature views,
 * request limits and the mapping of every failure to RFC 9457 problem details. May use the registry, status,
 * the spec and the compiler's preview.
 */
package io.streamplane.api.web;
