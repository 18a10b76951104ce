package io.streamplane.rag.embed.web;

import java.util.List;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.web.SecurityFilterChain;

/**
 * The security filter chain of {@code /v1/embeddings}: a type of its own, so that a process's other chains (e.g.
 * the app's actuator-only chain, which backs off when another chain exists) can tell it apart.
 */
public final class EmbeddingsSecurityFilterChain implements SecurityFilterChain {

	private final SecurityFilterChain chain;

	EmbeddingsSecurityFilterChain(SecurityFilterChain chain) {
		this.chain = chain;
	}

	@Override
	public boolean matches(HttpServletRequest request) {
		return chain.matches(request);
	}

	@Override
	public List<Filter> getFilters() {
		return chain.getFilters();
	}

}
