package io.streamplane.features.web;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /features} on the web server: Feast's {@code get-online-features} (see
 * {@link OnlineFeaturesRequest} and {@link OnlineFeaturesResponse}), so a Feast HTTP client migrates by
 * changing the URL. The body is read up to {@code max-request-size} (larger: 413) whatever its content type,
 * so {@code curl -d} works; more entity rows than {@code max-entities-per-request} is a 400. Problems are
 * {@code application/problem+json}: 400 for a malformed request naming each bad field, 404 naming each
 * unknown view and feature with what is served.
 */
@RestController
public class OnlineFeaturesController {

	private final FeatureApi api;

	OnlineFeaturesController(FeatureApi api) {
		this.api = api;
	}

	@PostMapping("/features")
	void read(HttpServletRequest request, HttpServletResponse response) throws IOException {
		answer(request).send(response);
	}

	private FeatureAnswer answer(HttpServletRequest request) throws IOException {
		long maxBytes = api.maxRequestBytes();
		String path = request.getRequestURI();
		if (request.getContentLengthLong() > maxBytes) {
			return api.tooLarge(request.getContentLengthLong() + " bytes", path);
		}
		byte[] body;
		try (InputStream in = request.getInputStream()) {
			body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
		}
		if (body.length > maxBytes) {
			return api.tooLarge("more than " + maxBytes + " bytes", path);
		}
		return api.post(body, path);
	}

}
