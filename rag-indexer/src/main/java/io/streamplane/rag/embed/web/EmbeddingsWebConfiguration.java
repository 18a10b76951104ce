package io.streamplane.rag.embed.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.Filter;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.DefaultSecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

import io.streamplane.rag.embed.Embedder;

/**
 * {@code POST /v1/embeddings} in a servlet web application, for the rag-indexer role to {@code @Import}: the
 * controller over the context's {@link Embedder} bean, its problem+json error handler, and a security filter chain
 * for {@code /v1/embeddings} only, ordered first: with {@code streamplane.rag-indexer.read-token} set (at least 16
 * characters) a request must carry {@code Authorization: Bearer <token>}, as feature reads do; unset, the endpoint
 * is open.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = Type.SERVLET)
public class EmbeddingsWebConfiguration {

	/** The property that holds the read token. */
	public static final String READ_TOKEN = "streamplane.rag-indexer.read-token";

	/** Most texts per request. */
	public static final int MAX_INPUTS = 256;

	/** Most characters per text. */
	public static final int MAX_INPUT_CHARS = 8192;

	/** Order of the chain among the security filter chains: first, beside the feature chain. */
	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 60;

	@Bean
	@ConditionalOnMissingBean
	EmbeddingsController embeddingsController(Embedder embedder) {
		return new EmbeddingsController(embedder, MAX_INPUTS, MAX_INPUT_CHARS);
	}

	@Bean
	EmbeddingsExceptionHandler embeddingsExceptionHandler() {
		return new EmbeddingsExceptionHandler();
	}

	@Bean
	@Order(ORDER)
	@ConditionalOnClass(HttpSecurity.class)
	EmbeddingsSecurityFilterChain embeddingsSecurity(@Value("${" + READ_TOKEN + ":}") String readToken) {
		return chain(readToken);
	}

	/** The chain of {@code /v1/embeddings}: no filter without a token, the read-token filter with one. */
	static EmbeddingsSecurityFilterChain chain(String readToken) {
		List<Filter> filters = new ArrayList<>();
		if (!readToken.isEmpty()) {
			if (readToken.length() < 16) {
				throw new IllegalStateException(READ_TOKEN + " must be at least 16 characters when set (it has "
						+ readToken.length() + "), or unset for an open /v1/embeddings");
			}
			filters.add(new ReadTokenFilter(readToken));
		}
		return new EmbeddingsSecurityFilterChain(
				new DefaultSecurityFilterChain(PathPatternRequestMatcher.withDefaults().matcher("/v1/embeddings"),
						filters));
	}

}
