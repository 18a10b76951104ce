package io.streamplane.api.security;

import io.streamplane.api.security.SecurityProperties.ReadAccess;
import io.streamplane.api.web.ProblemWriter;
import jakarta.servlet.DispatcherType;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Who may call what. Mutations of the API need the admin bearer token; reads (GET, validate,
 * preview) are open or need the token too, by {@code streamplane.security.read-access}. Health,
 * info, Prometheus, the OpenAPI document, Swagger UI and the web console's assets are open; health
 * shows its details only to the admin. A token that is not the admin's is ignored where no token is
 * needed. Asynchronous and error dispatches pass: their request was authorized when it arrived.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityConfiguration {

	private static final String[] READ_POSTS = { "/api/v1/pipelines/validate", "/api/v1/preview" };

	@Bean
	AdminTokenAuthenticationProvider adminTokenAuthenticationProvider(SecurityProperties properties) {
		InvalidAdminTokenException.check(properties.adminToken());
		return new AdminTokenAuthenticationProvider(properties.adminToken());
	}

	@Bean
	SecurityFilterChain streamplaneSecurity(HttpSecurity http, SecurityProperties properties,
			AdminTokenAuthenticationProvider provider, ProblemWriter problems) throws Exception {
		ProblemAuthenticationEntryPoint entryPoint = new ProblemAuthenticationEntryPoint(problems);
		return http.csrf(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authenticationProvider(provider)
			.addFilterBefore(new AdminTokenFilter(provider), AnonymousAuthenticationFilter.class)
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint))
			.authorizeHttpRequests(requests -> {
				requests.dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll();
				requests.requestMatchers(HttpMethod.OPTIONS, "/**").permitAll();
				reads(requests.requestMatchers(HttpMethod.POST, READ_POSTS), properties.readAccess());
				reads(requests.requestMatchers(HttpMethod.GET, "/api/**", "/actuator/metrics/**"),
						properties.readAccess());
				requests.requestMatchers("/api/**").hasRole(AdminTokenAuthentication.ADMIN_ROLE);
				requests.anyRequest().permitAll();
			})
			.build();
	}

	private static void reads(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizedUrl rule, ReadAccess access) {
		if (access == ReadAccess.OPEN) {
			rule.permitAll();
		}
		else {
			rule.hasRole(AdminTokenAuthentication.ADMIN_ROLE);
		}
	}

}
