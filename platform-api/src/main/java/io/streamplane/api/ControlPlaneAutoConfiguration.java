package io.streamplane.api;

import io.streamplane.api.console.ConsoleConfiguration;
import io.streamplane.api.deadletters.DeadLetterConfiguration;
import io.streamplane.api.desiredstate.DesiredStateConfiguration;
import io.streamplane.api.openapi.OpenApiConfiguration;
import io.streamplane.api.registry.RegistryConfiguration;
import io.streamplane.api.security.SecurityConfiguration;
import io.streamplane.api.status.StatusConfiguration;
import io.streamplane.api.topology.TopologyConfiguration;
import io.streamplane.api.web.WebConfiguration;
import io.streamplane.role.ConditionalOnRole;
import io.streamplane.role.Role;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The control-plane role: pipeline registry in PostgreSQL, REST API with OpenAPI and Swagger UI,
 * desired-state publication to Kafka and status aggregation from it. On when
 * {@code streamplane.roles} includes {@code control-plane}.
 */
@AutoConfiguration
@ConditionalOnRole(Role.CONTROL_PLANE)
@EnableConfigurationProperties(ControlPlaneProperties.class)
@EnableScheduling
@Import({ RegistryConfiguration.class, WebConfiguration.class, SecurityConfiguration.class,
		OpenApiConfiguration.class, DesiredStateConfiguration.class, StatusConfiguration.class,
		TopologyConfiguration.class, DeadLetterConfiguration.class, ConsoleConfiguration.class })
public final class ControlPlaneAutoConfiguration {

}
