package io.streamplane.features.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

import io.streamplane.features.FeatureServerProperties;

/**
 * Who may read features: a filter chain for {@code /features/**} only, ordered before every other chain, so
 * the same rule holds whichever roles share the process (the control plane's admin token never applies to
 * feature reads, and a feature-server-only process opens them too). Without
 * {@code streamplane.feature-server.read-token} reads are open; with it, they need
 * {@code Authorization: Bearer <read token>}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass(HttpSecurity.class)
public class FeatureSecurityConfiguration {

	/** Order of the feature chain among the security filter chains: first. */
	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 50;

	@Bean
	@Order(ORDER)
	FeatureSecurityFilterChain featureServerSecurity(HttpSecurity http, FeatureServerProperties properties)
			throws Exception {
		http.securityMatcher("/features/**")
			.csrf(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
		if (properties.readTokenRequired()) {
			http.addFilterBefore(new ReadTokenFilter(properties.readToken()), AuthorizationFilter.class);
		}
		return new FeatureSecurityFilterChain(http.build());
	}

}
