package io.streamplane.features.web;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.streamplane.features.FeatureReader;
import io.streamplane.features.FeatureViews;

/**
 * {@code POST /features}: Feast's {@code get-online-features} (see {@link OnlineFeaturesRequest} and
 * {@link OnlineFeaturesResponse}), so a Feast HTTP client migrates by changing the URL. The body is read
 * up to {@code maxRequestSize} (larger: 413) whatever its content type, so {@code curl -d} works; more
 * entity rows than {@code maxEntities} is a 400. Problems are {@code application/problem+json}: 400 for a
 * malformed request naming each bad field, 404 naming each unknown view and feature with what is served.
 */
@RestController
public class OnlineFeaturesController {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final FeatureViews views;

	private final FeatureReader reader;

	private final int maxEntities;

	private final long maxRequestBytes;

	OnlineFeaturesController(FeatureViews views, FeatureReader reader, int maxEntities, DataSize maxRequestSize) {
		this.views = views;
		this.reader = reader;
		this.maxEntities = maxEntities;
		this.maxRequestBytes = maxRequestSize.toBytes();
	}

	@PostMapping("/features")
	ResponseEntity<?> read(HttpServletRequest http) throws IOException {
		try {
			OnlineFeaturesRequest request = OnlineFeaturesRequest.parse(body(http), maxEntities);
			FeatureSelection selection = FeatureSelection.resolve(request, views);
			return ResponseEntity.ok(OnlineFeaturesResponse.read(request, selection, reader,
					request.asOf().orElseGet(reader::now)));
		}
		catch (FeatureRequestException ex) {
			ProblemDetail problem = ex.problem();
			return ResponseEntity.status(problem.getStatus()).body(problem);
		}
	}

	private JsonNode body(HttpServletRequest http) throws IOException {
		if (http.getContentLengthLong() > maxRequestBytes) {
			throw tooLarge(http.getContentLengthLong() + " bytes");
		}
		byte[] bytes;
		try (InputStream in = http.getInputStream()) {
			bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxRequestBytes + 1));
		}
		if (bytes.length > maxRequestBytes) {
			throw tooLarge("more than " + maxRequestBytes + " bytes");
		}
		if (bytes.length == 0) {
			throw new FeatureRequestException(FeatureProblems.invalidRequest("the body is empty; send a JSON object, "
					+ "e.g. {\"features\": [\"user_clicks:clicks_5m\"], \"entities\": {\"user_id\": [\"u1\"]}}"));
		}
		try {
			return MAPPER.readTree(bytes);
		}
		catch (JacksonException ex) {
			throw new FeatureRequestException(FeatureProblems.invalidRequest("the body is not valid JSON: "
					+ ex.getOriginalMessage()
					+ (ex.getLocation() == null ? "" : " at " + ex.getLocation().offsetDescription())));
		}
	}

	private FeatureRequestException tooLarge(String size) {
		return new FeatureRequestException(FeatureProblems.tooLarge("the body has " + size + ", more than the "
				+ DataSize.ofBytes(maxRequestBytes).toKilobytes() + "KB one request may send "
				+ "(streamplane.feature-server.max-request-size); split the entities over several requests"));
	}

}
