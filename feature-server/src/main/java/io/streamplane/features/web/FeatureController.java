package io.streamplane.features.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /features/{view}/{entity}[?as_of=<ISO-8601>]} on the web server: the features of one entity, as
 * of now or as of the given instant ({@link FeatureApi#get}). An unknown view is a 404 and a bad
 * {@code as_of} a 400, both {@code application/problem+json}. Model servers read the same endpoint on the
 * serving port ({@link io.streamplane.features.serving.ServingServer}), which skips the web framework.
 *
 * <p>Security: {@code /features/**} has a filter chain of its own (see
 * {@link io.streamplane.features.security.FeatureSecurityConfiguration}): open, or behind the read token.
 */
@RestController
public class FeatureController {

	private final FeatureApi api;

	FeatureController(FeatureApi api) {
		this.api = api;
	}

	@GetMapping("/features/{view}/{entity}")
	void read(@PathVariable String view, @PathVariable String entity,
			@RequestParam(name = "as_of", required = false) String asOf, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		api.get(view, entity, asOf, request.getRequestURI()).send(response);
	}

}
