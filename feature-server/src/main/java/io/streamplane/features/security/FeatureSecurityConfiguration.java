package io.streamplane.features.security;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.Filter;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.DefaultSecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

import io.streamplane.features.FeatureServerProperties;

/**
 * Who may read features: a filter chain for {@code /features/**} only, ordered before every other chain, so
 * the same rule holds whichever roles share the process (the control plane's admin token never applies to
 * feature reads, and a feature-server-only process opens them too). Without
 * {@code streamplane.feature-server.read-token} reads are open and the chain has no filter at all; with it,
 * its one filter lets through only {@code Authorization: Bearer <read token>}. The chain is built by hand,
 * not through {@link HttpSecurity}: feature reads are stateless and anonymous, so sessions, CSRF, the security
 * context, request caches and authorization filters would only cost time on every request (about a third of
 * a GET's CPU when they were there).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass(HttpSecurity.class)
public class FeatureSecurityConfiguration {

	/** Order of the feature chain among the security filter chains: first. */
	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 50;

	/** The paths the chain covers: both read endpoints. */
	public static final String PATHS = "/features/**";

	@Bean
	@Order(ORDER)
	FeatureSecurityFilterChain featureServerSecurity(FeatureServerProperties properties) {
		List<Filter> filters = new ArrayList<>();
		if (properties.readTokenRequired()) {
			filters.add(new ReadTokenFilter(properties.readToken()));
		}
		return new FeatureSecurityFilterChain(
				new DefaultSecurityFilterChain(PathPatternRequestMatcher.withDefaults().matcher(PATHS), filters));
	}

}
