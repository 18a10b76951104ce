package io.streamplane.features.web;

import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.util.unit.DataSize;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.streamplane.features.FeatureReader;
import io.streamplane.features.FeatureServerException;
import io.streamplane.features.ServedView;
import io.streamplane.features.FeatureViews;

/**
 * The feature API, apart from how requests arrive: {@code GET /features/{view}/{entity}[?as_of=]} and
 * Feast's {@code POST /features}, each turned into a {@link FeatureAnswer}. Both listeners call it: the web
 * server's controllers ({@link FeatureController}, {@link OnlineFeaturesController}) and the serving port
 * ({@link io.streamplane.features.serving.ServingServer}), so they answer byte for byte alike. It never
 * throws: a request that cannot be answered is a problem (400, 404, 413), a failing store a 503 (retriable)
 * or 500, logged here.
 */
public final class FeatureApi {

	private static final Logger log = LoggerFactory.getLogger(FeatureApi.class);

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final FeatureViews views;

	private final FeatureReader reader;

	private final int maxEntities;

	private final long maxRequestBytes;

	/**
	 * @param maxEntities the most entity rows one POST may ask for
	 * @param maxRequestSize the largest POST body; the listener stops reading past it ({@link #tooLarge})
	 */
	public FeatureApi(FeatureViews views, FeatureReader reader, int maxEntities, DataSize maxRequestSize) {
		this.views = views;
		this.reader = reader;
		this.maxEntities = maxEntities;
		this.maxRequestBytes = maxRequestSize.toBytes();
	}

	/** The largest POST body, in bytes. */
	public long maxRequestBytes() {
		return maxRequestBytes;
	}

	/**
	 * The features of one entity, as of now or as of {@code asOf} (an ISO-8601 instant, or null).
	 *
	 * @param path the request's path, the {@code instance} of a problem
	 */
	public FeatureAnswer get(String view, String entity, String asOf, String path) {
		try {
			Optional<ServedView> served = views.find(view);
			if (served.isEmpty()) {
				return FeatureAnswer.problem(FeatureProblems.notFound("no feature view named '" + view
						+ "'; the served views are " + views.names()), path);
			}
			if (asOf == null) {
				return FeatureAnswer.ok(FeaturesJson.body(view, entity, reader.read(served.get(), entity)));
			}
			Optional<Instant> instant = AsOf.parse(asOf);
			if (instant.isEmpty()) {
				return FeatureAnswer.problem(FeatureProblems.invalidRequest(AsOf.problem("'" + asOf + "'")), path);
			}
			return FeatureAnswer.ok(FeaturesJson.body(view, entity, reader.read(served.get(), entity, instant.get())));
		}
		catch (RuntimeException ex) {
			return failure(ex, path);
		}
	}

	/**
	 * The answer to a {@code POST /features} body of at most {@link #maxRequestBytes()} bytes.
	 *
	 * @param path the request's path, the {@code instance} of a problem
	 */
	public FeatureAnswer post(byte[] body, String path) {
		try {
			OnlineFeaturesRequest request = OnlineFeaturesRequest.parse(json(body), maxEntities);
			FeatureSelection selection = FeatureSelection.resolve(request, views);
			return FeatureAnswer.ok(OnlineFeaturesJson.body(OnlineFeaturesResponse.read(request, selection, reader,
					request.asOf().orElseGet(reader::now))));
		}
		catch (FeatureRequestException ex) {
			return FeatureAnswer.problem(ex.problem(), path);
		}
		catch (RuntimeException ex) {
			return failure(ex, path);
		}
	}

	/**
	 * The 413 of a POST body larger than {@link #maxRequestBytes()}.
	 *
	 * @param size how large the body is, e.g. {@code "2000000 bytes"} or {@code "more than 1048576 bytes"}
	 */
	public FeatureAnswer tooLarge(String size, String path) {
		return FeatureAnswer.problem(FeatureProblems.tooLarge("the body has " + size + ", more than the "
				+ DataSize.ofBytes(maxRequestBytes).toKilobytes() + "KB one request may send "
				+ "(streamplane.feature-server.max-request-size); split the entities over several requests"), path);
	}

	/** A request the API does not serve at all: a 404 that lists what it serves. */
	public FeatureAnswer unknownEndpoint(String method, String path) {
		return FeatureAnswer.problem(FeatureProblems.notFound(method + " " + path + " is not a feature read; "
				+ "send GET /features/{view}/{entity}[?as_of=<ISO-8601>] or POST /features"), path);
	}

	/** A request the listener could not decode (request line or headers malformed or too long): a 400. */
	public FeatureAnswer malformed(String reason, String path) {
		return FeatureAnswer.problem(FeatureProblems.invalidRequest("the request could not be read: " + reason), path);
	}

	private static JsonNode json(byte[] body) {
		if (body.length == 0) {
			throw new FeatureRequestException(FeatureProblems.invalidRequest("the body is empty; send a JSON object, "
					+ "e.g. {\"features\": [\"user_clicks:clicks_5m\"], \"entities\": {\"user_id\": [\"u1\"]}}"));
		}
		try {
			return MAPPER.readTree(body);
		}
		catch (JacksonException ex) {
			throw new FeatureRequestException(FeatureProblems.invalidRequest("the body is not valid JSON: "
					+ ex.getOriginalMessage()
					+ (ex.getLocation() == null ? "" : " at " + ex.getLocation().offsetDescription())));
		}
	}

	/**
	 * The answer to a request that failed unexpectedly, logged here: a 503 (retriable) for a failing store,
	 * else a 500.
	 */
	public FeatureAnswer failure(RuntimeException ex, String path) {
		if (ex instanceof FeatureServerException failed) {
			log.error("Cannot read features", failed);
			return FeatureAnswer.problem(failed.retriable() ? FeatureProblems.unavailable("the feature store failed; try again")
					: FeatureProblems.internal("the feature server failed to handle the request; the server log has details"),
					path);
		}
		log.error("Unexpected error while reading features", ex);
		return FeatureAnswer.problem(
				FeatureProblems.internal("the feature server failed to handle the request; the server log has details"),
				path);
	}

}
