package io.streamplane.deploy;

import java.io.IOException;
import java.util.Map;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1StatefulSet;

/**
 * Validates a rendered manifest against the Kubernetes API schema, offline: the Kubernetes Java client's
 * models are generated from Kubernetes' OpenAPI document, and their {@code validateJsonElement} rejects
 * fields the schema does not define, missing required fields and values of the wrong JSON type, at every
 * depth. Kinds of custom resources (prometheus-operator's) are not in that schema.
 */
final class KubernetesSchema {

	private static final Gson GSON = new Gson();

	/** A validator of one kind, as {@code apiVersion/kind}. */
	@FunctionalInterface
	private interface Validator {

		void validate(JsonElement manifest) throws IOException;

	}

	private static final Map<String, Validator> VALIDATORS = Map.of(
			"apps/v1/Deployment", V1Deployment::validateJsonElement,
			"apps/v1/StatefulSet", V1StatefulSet::validateJsonElement,
			"v1/Service", V1Service::validateJsonElement,
			"v1/Secret", V1Secret::validateJsonElement,
			"v1/ConfigMap", V1ConfigMap::validateJsonElement,
			"policy/v1/PodDisruptionBudget", V1PodDisruptionBudget::validateJsonElement);

	private KubernetesSchema() {
	}

	/** Whether {@code apiVersion/kind} is a built-in kind this class validates. */
	static boolean knows(String apiVersionAndKind) {
		return VALIDATORS.containsKey(apiVersionAndKind);
	}

	/**
	 * Validates one manifest.
	 * @return {@code null} when valid, else the schema's complaint
	 */
	static String problem(Map<String, Object> manifest) {
		String type = manifest.get("apiVersion") + "/" + manifest.get("kind");
		Validator validator = VALIDATORS.get(type);
		if (validator == null) {
			return "no schema for " + type;
		}
		try {
			validator.validate(GSON.toJsonTree(manifest));
			return null;
		}
		catch (IOException | IllegalArgumentException ex) {
			return ex.getMessage();
		}
	}

}
