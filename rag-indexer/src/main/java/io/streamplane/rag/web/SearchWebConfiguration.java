package io.streamplane.rag.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.streamplane.rag.RagIndexerProperties;
import io.streamplane.rag.ingest.Indexes;

/** The search API of a servlet web application: {@code /search/**}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = Type.SERVLET)
public class SearchWebConfiguration {

	@Bean
	SearchController searchController(Indexes indexes, RagIndexerProperties properties) {
		return new SearchController(indexes, new SearchRequests(properties));
	}

	@Bean
	PathwayController pathwayController(Indexes indexes, RagIndexerProperties properties) {
		return new PathwayController(indexes, new SearchRequests(properties), properties);
	}

	@Bean
	SearchExceptionHandler searchExceptionHandler() {
		return new SearchExceptionHandler();
	}

}
