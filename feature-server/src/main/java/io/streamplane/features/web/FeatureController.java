package io.streamplane.features.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.streamplane.features.FeatureReader;
import io.streamplane.features.FeatureView;
import io.streamplane.features.FeatureViews;

/**
 * {@code GET /features/{view}/{entity}[?as_of=<ISO-8601>]}: the features of one entity, as of now or as
 * of the given instant. An unknown view is a 404 and a bad {@code as_of} a 400, both
 * {@code application/problem+json}; they are returned, not thrown, so they keep their form whichever
 * exception handlers the process has.
 *
 * <p>Security: {@code /features/**} has a filter chain of its own (see
 * {@link io.streamplane.features.security.FeatureSecurityConfiguration}): open, or behind the read token.
 */
@RestController
public class FeatureController {

	private static final String AS_OF_EXAMPLE = "2026-01-01T12:00:00Z";

	private final FeatureViews views;

	private final FeatureReader reader;

	FeatureController(FeatureViews views, FeatureReader reader) {
		this.views = views;
		this.reader = reader;
	}

	@GetMapping("/features/{view}/{entity}")
	ResponseEntity<?> read(@PathVariable String view, @PathVariable String entity,
			@RequestParam(name = "as_of", required = false) Optional<String> asOf) {
		Optional<FeatureView> served = views.find(view);
		if (served.isEmpty()) {
			return problem(FeatureProblems.notFound("no feature view named '" + view + "'; the served views are "
					+ views.names()));
		}
		if (asOf.isEmpty()) {
			return ResponseEntity.ok(FeaturesResponse.of(view, entity, reader.read(served.get(), entity)));
		}
		try {
			Instant instant = Instant.parse(asOf.get());
			return ResponseEntity.ok(FeaturesResponse.of(view, entity, reader.read(served.get(), entity, instant)));
		}
		catch (DateTimeParseException ex) {
			return problem(FeatureProblems.invalidRequest("as_of: '" + asOf.get()
					+ "' is not an ISO-8601 instant; send e.g. as_of=" + AS_OF_EXAMPLE));
		}
	}

	private static ResponseEntity<?> problem(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).body(problem);
	}

}
