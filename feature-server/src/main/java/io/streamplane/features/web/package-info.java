/**
 * The feature server's HTTP API on Spring MVC: {@code GET /features}, the online-features endpoint, their
 * JSON and the RFC 9457 problem details of bad requests. May use Spring Web and the package above.
 */
package io.streamplane.features.web;
