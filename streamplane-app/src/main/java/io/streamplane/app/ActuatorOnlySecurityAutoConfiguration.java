package io.streamplane.app;

import jakarta.servlet.DispatcherType;
import io.streamplane.api.ControlPlaneAutoConfiguration;
import io.streamplane.features.security.FeatureSecurityFilterChain;
import io.streamplane.rag.embed.web.EmbeddingsSecurityFilterChain;
import io.streamplane.rag.security.SearchSecurityFilterChain;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Web security of a process without the control-plane role (e.g. {@code streamplane.roles=engine}):
 * the actuator endpoints health, info and Prometheus are open, every other path (including the
 * metrics endpoint, which the control plane guards with its read access) is forbidden, and there is
 * no login of any kind. Feature reads ({@code /features/**}) have a chain of their own, ahead of this
 * one and of the control plane's ({@link FeatureSecurityFilterChain}), which this one ignores; so do searches ({@code /search/**}, {@link SearchSecurityFilterChain}) and embeddings
 * ({@code /v1/embeddings}, {@link EmbeddingsSecurityFilterChain}). Streamplane has no user store, so Spring Boot's
 * default chain (HTTP basic with a generated password) never applies; the control plane brings
 * its own chain, and then this one backs off.
 */
@AutoConfiguration(after = ControlPlaneAutoConfiguration.class,
		before = { ManagementWebSecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class })
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass(SecurityFilterChain.class)
public final class ActuatorOnlySecurityAutoConfiguration {

	private static final String[] OPEN_ENDPOINTS = { "health", "info", "prometheus" };

	@Bean
	@ConditionalOnMissingBean(value = SecurityFilterChain.class, ignored = { FeatureSecurityFilterChain.class,
			SearchSecurityFilterChain.class, EmbeddingsSecurityFilterChain.class })
	SecurityFilterChain actuatorOnlySecurity(HttpSecurity http) throws Exception {
		return http.csrf(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests(requests -> requests.dispatcherTypeMatchers(DispatcherType.ERROR)
				.permitAll()
				.requestMatchers(EndpointRequest.to(OPEN_ENDPOINTS))
				.permitAll()
				.anyRequest()
				.denyAll())
			.build();
	}

}
