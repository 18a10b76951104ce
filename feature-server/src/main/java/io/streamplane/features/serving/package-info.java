/**
 * The low-latency serving endpoint: a Netty HTTP server answering the same requests as the web controllers,
 * outside the servlet stack. May use Netty and the web, security and metrics packages of feature-server.
 */
package io.streamplane.features.serving;
