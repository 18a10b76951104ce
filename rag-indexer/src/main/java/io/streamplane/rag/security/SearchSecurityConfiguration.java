package io.streamplane.rag.security;

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

import io.streamplane.rag.RagIndexerProperties;

/**
 * Who may search: a filter chain for {@code /search} and {@code /search/**} only, ordered before every other
 * chain, the way the feature server guards {@code /features/**}: without {@code streamplane.rag-indexer.read-token}
 * searches are open; with it, only {@code Authorization: Bearer <read token>} passes. The control plane's admin
 * token never applies to searches.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass(HttpSecurity.class)
public class SearchSecurityConfiguration {

	/** Order of the search chain among the security filter chains: before the control plane's. */
	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 51;

	@Bean
	@Order(ORDER)
	SearchSecurityFilterChain searchSecurity(RagIndexerProperties properties) {
		List<Filter> filters = new ArrayList<>();
		if (properties.readTokenRequired()) {
			filters.add(new SearchReadTokenFilter(properties.readToken()));
		}
		PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
		return new SearchSecurityFilterChain(new DefaultSecurityFilterChain(
				new org.springframework.security.web.util.matcher.OrRequestMatcher(paths.matcher("/search"),
						paths.matcher("/search/**")),
				filters));
	}

}
