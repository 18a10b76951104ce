/**
 * Static checks of the deployment files in {@code deploy/}: the Helm chart (linted and rendered in process,
 * every manifest validated against the Kubernetes API schema), the Compose file ({@code docker-compose config}),
 * the alert rules ({@code promtool}) and the Dockerfile. None needs a Docker engine or a cluster.
 */
package io.streamplane.deploy;
