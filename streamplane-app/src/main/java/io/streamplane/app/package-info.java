/**
 * The Streamplane application: one binary whose {@code streamplane.roles} choose control plane, engine and
 * feature server, plus health, info and observability. May use every module.
 */
package io.streamplane.app;
