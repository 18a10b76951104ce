/**
 * The production topology on one machine: the standalone Kafka and PostgreSQL alone
 * ({@code streamplane.roles=none}), then a control plane, engines and a feature server, each in a JVM of its
 * own; fail-over, scale-out and serving across processes, and the dashboards and alert rules evaluated by a
 * real Prometheus scraping them.
 */
package io.streamplane.app.split;
