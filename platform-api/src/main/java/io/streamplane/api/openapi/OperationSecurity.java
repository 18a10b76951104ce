package io.streamplane.api.openapi;

import java.util.List;
import java.util.Map;

import io.streamplane.api.security.SecurityProperties.ReadAccess;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.PathItem.HttpMethod;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Gives every operation of the OpenAPI document the security it really has, by the rules of
 * {@link io.streamplane.api.security.SecurityConfiguration} and the feature server's read token: mutations
 * need the admin token; reads ({@code GET}, validate, preview) are open or need the admin token by
 * {@code streamplane.security.read-access}; feature reads ({@code /features/**}) are open or need the
 * feature read token. Swagger UI then shows a lock exactly where a token is needed.
 */
final class OperationSecurity implements OpenApiCustomizer {

	static final String READ_TOKEN = "featureReadToken";

	private static final List<String> READ_POSTS = List.of("/api/v1/pipelines/validate", "/api/v1/preview");

	private final ReadAccess readAccess;

	private final boolean featureReadToken;

	/**
	 * @param featureReadToken whether {@code streamplane.feature-server.read-token} is set
	 */
	OperationSecurity(ReadAccess readAccess, boolean featureReadToken) {
		this.readAccess = readAccess;
		this.featureReadToken = featureReadToken;
	}

	@Override
	public void customise(OpenAPI openApi) {
		openApi.setSecurity(null);
		if (featureReadToken) {
			openApi.getComponents().addSecuritySchemes(READ_TOKEN, new SecurityScheme().type(SecurityScheme.Type.HTTP)
				.scheme("bearer")
				.description("The feature read token, streamplane.feature-server.read-token"));
		}
		if (openApi.getPaths() == null) {
			return;
		}
		openApi.getPaths().forEach((path, item) -> secure(path, item));
	}

	private void secure(String path, PathItem item) {
		for (Map.Entry<HttpMethod, Operation> entry : item.readOperationsMap().entrySet()) {
			String scheme = scheme(path, entry.getKey());
			entry.getValue().setSecurity(scheme == null ? List.of() : List.of(new SecurityRequirement().addList(scheme)));
		}
	}

	/** The scheme an operation needs, or null for none. */
	private String scheme(String path, HttpMethod method) {
		if (path.startsWith("/features")) {
			return featureReadToken ? READ_TOKEN : null;
		}
		if (!path.startsWith("/api/")) {
			return null;
		}
		boolean read = method == HttpMethod.GET || (method == HttpMethod.POST && READ_POSTS.contains(path));
		return read && readAccess == ReadAccess.OPEN ? null : OpenApiConfiguration.BEARER;
	}

}
