package io.streamplane.api.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.DateTimeSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.tags.Tag;

import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Describes the feature reads ({@code GET /features/{view}/{entity}}, {@code POST /features}), whose
 * controllers read the raw request and so carry no annotations: a human tag, summaries, and the request
 * body of {@code POST /features} with its schema and an example Swagger UI's Try-it-out sends as it is.
 * Any other tag springdoc generated from a class name ({@code some-controller}) gets a human name too.
 */
final class FeatureOperations implements OpenApiCustomizer {

	static final String TAG = "Online features";

	@Override
	public void customise(OpenAPI openApi) {
		if (openApi.getPaths() == null) {
			return;
		}
		openApi.addTagsItem(new Tag().name(TAG).description("Read online features as a model server does; the same "
				+ "endpoints answer on the feature serving port (streamplane.feature-server.serving-port, default 8081)"));
		openApi.getPaths().forEach(this::describe);
		openApi.getPaths().values().forEach(item -> item.readOperations().forEach(FeatureOperations::humanTags));
	}

	private void describe(String path, PathItem item) {
		if (path.equals("/features/{view}/{entity}") && item.getGet() != null) {
			item.getGet().tags(List.of(TAG))
				.summary("The features of one entity")
				.description("The current value of every feature of the view for the entity, or as of the ISO-8601 "
						+ "instant as_of (0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z). Missing data is a status "
						+ "(NOT_FOUND), not an error.");
		}
		if (path.equals("/features") && item.getPost() != null) {
			item.getPost().tags(List.of(TAG))
				.summary("Online features of many entities (Feast get-online-features)")
				.description("Features as view:feature references, or every feature of one view (\"view\" or Feast's "
						+ "\"feature_service\"), for entity rows given as one list of keys per entity key name. "
						+ "At most streamplane.feature-server.max-entities-per-request rows and max-request-size bytes.")
				.requestBody(onlineFeaturesBody());
		}
	}

	private static RequestBody onlineFeaturesBody() {
		Schema<?> keys = new ArraySchema().items(new Schema<>().types(Set.of("string", "integer")));
		Schema<?> schema = new ObjectSchema()
			.addProperty("features", new ArraySchema().items(new StringSchema().example("user_clicks:clicks_5m"))
				.description("view:feature references; or give view"))
			.addProperty("view", new StringSchema().description("read every feature of this view"))
			.addProperty("feature_service", new StringSchema().description("Feast's name for view"))
			.addProperty("entities", new ObjectSchema().additionalProperties(keys)
				.description("entity key name to its keys, one list per key name, all of the same length"))
			.addProperty("full_feature_names", new BooleanSchema().description("answer view__feature names"))
			.addProperty("as_of", new DateTimeSchema().description("read the past: an ISO-8601 instant"))
			.addProperty("request_context", new ObjectSchema().description("accepted and ignored, as by Feast"))
			.required(List.of("entities"));
		Map<String, Object> example = Map.of("features", List.of("user_clicks:clicks_5m", "user_clicks:clicks_1h"),
				"entities", Map.of("user_id", List.of("u1", "u2", "u404")));
		return new RequestBody().required(true)
			.description("What to read, for which entities")
			.content(new Content().addMediaType("application/json", new MediaType().schema(schema).example(example)));
	}

	private static void humanTags(Operation operation) {
		if (operation.getTags() == null) {
			return;
		}
		List<String> tags = new ArrayList<>();
		for (String tag : operation.getTags()) {
			tags.add(tag.endsWith("-controller") ? human(tag.substring(0, tag.length() - "-controller".length())) : tag);
		}
		operation.setTags(tags);
	}

	private static String human(String name) {
		String words = name.replace('-', ' ');
		return words.isEmpty() ? words : words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
	}

}
