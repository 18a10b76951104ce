package io.streamplane.api.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.streamplane.api.security.SecurityProperties;
import io.streamplane.api.web.SpecBodies;
import io.streamplane.spec.SpecFormat;
import io.streamplane.spec.SpecReader;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.security.SecurityScheme;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.StringUtils;

/**
 * The OpenAPI document ({@code /v3/api-docs}) and Swagger UI ({@code /swagger-ui.html}): bearer
 * authentication where an operation needs it ({@link OperationSecurity}), the feature endpoints described
 * ({@link FeatureOperations}), and request examples taken from {@code examples/} that succeed as they are.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

	static final String BEARER = "adminToken";

	static final String EXAMPLE = "examples/topic-to-topic-enrichment.yaml";

	static final String REACTIVE_JOIN = "examples/reactive-join-retractions.yaml";

	@Bean
	OpenAPI streamplaneOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Streamplane API")
				.version("v1")
				.description("Declare streaming pipelines, preview them on sample records, deploy and watch them. "
						+ "Operations with a lock need a token: mutations the admin token (click Authorize and paste it; "
						+ "standalone: the content of data/admin-token), feature reads the feature read token when "
						+ "one is configured. Errors are RFC 9457 application/problem+json.")
				.license(new License().name("Apache-2.0")))
			.components(new Components().addSecuritySchemes(BEARER,
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
						.description("The admin token, streamplane.security.admin-token (standalone: data/admin-token)")));
	}

	@Bean
	OpenApiCustomizer operationSecurity(SecurityProperties security, Environment environment) {
		return new OperationSecurity(security.readAccess(),
				StringUtils.hasText(environment.getProperty("streamplane.feature-server.read-token")));
	}

	@Bean
	OpenApiCustomizer featureOperations() {
		return new FeatureOperations();
	}

	@Bean
	OpenApiCustomizer specExamples(SpecReader reader, JsonMapper json) {
		String yaml = readExample(EXAMPLE);
		JsonNode document = reader.read(yaml, SpecFormat.YAML).document();
		return openApi -> openApi.getPaths().forEach((path, item) -> {
			if (path.startsWith("/api/v1/pipelines")) {
				withSpecBody(item.getPost(), yaml, document, json);
				withSpecBody(item.getPut(), yaml, document, json);
			}
			if (path.equals("/api/v1/preview")) {
				withPreviewBody(item.getPost(), document, json);
			}
		});
	}

	private static void withPreviewBody(Operation operation, JsonNode spec, JsonMapper json) {
		Map<String, Object> example = new LinkedHashMap<>();
		example.put("spec", json.convertValue(spec, Map.class));
		example.put("inputs", List.of(
				Map.of("topic", "payments", "key", "u1", "value", Map.of("id", 1, "amount", 200, "country", "US")),
				Map.of("topic", "payments", "key", "u2", "value", Map.of("id", 2, "amount", 1500, "country", "IN")),
				Map.of("topic", "payments", "key", "u3", "value", Map.of("id", 3, "amount", "n/a", "country", "BR"))));
		operation.setRequestBody(new RequestBody().required(true)
			.description("A spec (JSON object or YAML text) and sample records in arrival order")
			.content(new Content().addMediaType(SpecBodies.JSON, new MediaType().schema(new ObjectSchema())
				.addExamples("enrichment", new Example()
					.summary("c5 enrichment over three payments, one of them bad (dead-lettered)")
					.value(example))
				.addExamples("reactive-join", new Example()
					.summary("c4: orders joined with customers; a tier change retracts and re-emits the order")
					.value(reactiveJoinExample())))));
	}

	private static Map<String, Object> reactiveJoinExample() {
		Map<String, Object> example = new LinkedHashMap<>();
		example.put("spec", readExample(REACTIVE_JOIN));
		example.put("inputs", List.of(
				Map.of("table", "orders", "key", 101, "value", Map.of("order_id", 101, "customer_id", 7, "amount", 49)),
				Map.of("table", "customers", "key", 7, "value", Map.of("customer_id", 7, "name", "Ada", "tier", "gold")),
				Map.of("table", "customers", "key", 7, "value", Map.of("customer_id", 7, "name", "Ada", "tier", "platinum")),
				Map.of("table", "orders", "key", 101, "op", "delete")));
		return example;
	}

	private static void withSpecBody(Operation operation, String yaml, JsonNode document, JsonMapper json) {
		if (operation == null || operation.getRequestBody() == null) {
			return;
		}
		Map<String, Object> jsonExample = json.convertValue(document, Map.class);
		operation.setRequestBody(new RequestBody().required(true)
			.description("A pipeline spec in JSON or YAML (see docs/pipeline-spec.md)")
			.content(new Content()
				.addMediaType(SpecBodies.YAML,
						new MediaType().schema(new StringSchema())
							.addExamples("enrichment", new Example().summary("c5: topic-to-topic enrichment").value(yaml)))
				.addMediaType(SpecBodies.JSON, new MediaType().schema(new ObjectSchema())
					.addExamples("enrichment",
							new Example().summary("c5: topic-to-topic enrichment").value(jsonExample)))));
	}

	private static String readExample(String path) {
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("the OpenAPI example " + path + " is missing from the classpath", ex);
		}
	}

}
