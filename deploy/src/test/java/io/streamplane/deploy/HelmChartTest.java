package io.streamplane.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Helm chart, linted and rendered by Helm's own library in process (no helm binary, no cluster), every
 * rendered manifest validated against the Kubernetes API schema ({@link KubernetesSchema}), and the
 * production topology checked in the manifests: one workload per role, tokens from Secrets, probes on the
 * actuator's groups, PodDisruptionBudgets, volumes where state lives, dashboards and alert rules.
 */
class HelmChartTest {

	private static final String KUBE_VERSION = "1.32.0";

	/** The values an operator must give. */
	private static final Map<String, String> REQUIRED = Map.of("kafka.bootstrapServers", "kafka:9092",
			"postgresql.url", "jdbc:postgresql://postgres:5432/streamplane", "postgresql.existingSecret", "pg",
			"auth.adminToken", "0123456789abcdef-admin");

	@Test
	void shouldPassHelmLintStrict(@TempDir Path copy) throws IOException {
		LintResult lint = new Helm(chartWithRequiredValues(copy)).lint().strict().call();

		assertThat(lint.getMessages()).as("helm lint --strict").noneMatch(message -> message.contains("[ERROR]")
				|| message.contains("[WARNING]"));
		assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
	}

	@Test
	void shouldRenderOnlyManifestsThatTheKubernetesSchemaAccepts() {
		List<Map<String, Object>> manifests = render(Map.of("metrics.serviceMonitor.enabled", "true",
				"metrics.prometheusRule.enabled", "true", "auth.readToken",
				"0123456789abcdef-read"));

		assertThat(manifests).extracting(HelmChartTest::type)
			.contains("apps/v1/Deployment", "apps/v1/StatefulSet", "v1/Service", "v1/Secret", "v1/ConfigMap",
					"policy/v1/PodDisruptionBudget", "monitoring.coreos.com/v1/ServiceMonitor",
					"monitoring.coreos.com/v1/PrometheusRule");
		for (Map<String, Object> manifest : manifests) {
			if (type(manifest).startsWith("monitoring.coreos.com/")) {
				continue;
			}
			assertThat(KubernetesSchema.problem(manifest)).as("%s %s", type(manifest), name(manifest)).isNull();
		}
	}

	@Test
	void shouldRejectAManifestTheSchemaDoesNotDefine() {
		Map<String, Object> deployment = find(render(Map.of()), "apps/v1/Deployment", "streamplane-engine");
		deployment.put("spec", new LinkedHashMap<>(map(deployment, "spec")));
		map(deployment, "spec").put("replica", 2);

		assertThat(KubernetesSchema.problem(deployment)).contains("replica");
	}

	@Test
	void shouldRunEachRoleAsItsOwnWorkloadWithProbesOnTheActuatorGroups() {
		List<Map<String, Object>> manifests = render(Map.of());

		assertThat(workloads(manifests)).containsExactlyInAnyOrder("Deployment streamplane-control-plane",
				"Deployment streamplane-engine", "StatefulSet streamplane-feature-server",
				"StatefulSet streamplane-rag-indexer");
		for (String role : List.of("control-plane", "engine", "feature-server", "rag-indexer")) {
			Map<String, Object> container = container(manifests, "streamplane-" + role);
			assertThat(env(container)).as(role).containsEntry("STREAMPLANE_ROLES", role)
				.containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "kafka:9092");
			assertThat(probePath(container, "livenessProbe")).isEqualTo("/actuator/health/liveness");
			assertThat(probePath(container, "readinessProbe")).isEqualTo("/actuator/health/readiness");
			assertThat(probePath(container, "startupProbe")).isEqualTo("/actuator/health/liveness");
			assertThat(map(container, "resources")).containsKeys("requests", "limits");
			assertThat(find(manifests, "policy/v1/PodDisruptionBudget", "streamplane-" + role)).isNotNull();
		}
		Map<String, Object> engine = find(manifests, "apps/v1/Deployment", "streamplane-engine");
		assertThat(map(engine, "spec")).containsEntry("replicas", 2);
	}

	@Test
	void shouldTakeTheTokensAndTheDatabasePasswordFromSecrets() {
		List<Map<String, Object>> manifests = render(Map.of("auth.readToken", "0123456789abcdef-read"));

		Map<String, Object> secret = find(manifests, "v1/Secret", "streamplane-tokens");
		assertThat(map(secret, "data")).containsOnlyKeys("admin-token", "read-token");
		Map<String, Object> controlPlane = container(manifests, "streamplane-control-plane");
		assertThat(secretRef(controlPlane, "STREAMPLANE_SECURITY_ADMIN_TOKEN"))
			.isEqualTo(Map.of("name", "streamplane-tokens", "key", "admin-token"));
		assertThat(secretRef(controlPlane, "SPRING_DATASOURCE_PASSWORD")).isEqualTo(Map.of("name", "pg", "key",
				"password"));
		assertThat(secretRef(container(manifests, "streamplane-feature-server"),
				"STREAMPLANE_FEATURE_SERVER_READ_TOKEN"))
			.isEqualTo(Map.of("name", "streamplane-tokens", "key", "read-token", "optional", true));
		assertThat(secretRef(container(manifests, "streamplane-rag-indexer"), "STREAMPLANE_RAG_INDEXER_READ_TOKEN"))
			.isEqualTo(Map.of("name", "streamplane-tokens", "key", "read-token", "optional", true));
		assertThat(render(Map.of("auth.existingSecret", "mine", "auth.adminToken", ""))).noneMatch(
				manifest -> type(manifest).equals("v1/Secret"));
	}

	@Test
	void shouldKeepTheFeatureStoreAndTheIndexOnPersistentVolumes() {
		List<Map<String, Object>> manifests = render(Map.of());

		Map<String, String> dataDirs = Map.of("feature-server", "STREAMPLANE_FEATURE_SERVER_DATA_DIR", "rag-indexer",
				"STREAMPLANE_RAG_INDEXER_DATA_DIR");
		dataDirs.forEach((role, dataDir) -> {
			Map<String, Object> statefulSet = find(manifests, "apps/v1/StatefulSet", "streamplane-" + role);
			List<Map<String, Object>> claims = list(map(statefulSet, "spec"), "volumeClaimTemplates");
			assertThat(claims).as(role).singleElement().satisfies(claim -> assertThat(map(claim, "metadata"))
				.containsEntry("name", "data"));
			Map<String, Object> container = container(manifests, "streamplane-" + role);
			assertThat(list(container, "volumeMounts")).as(role)
				.contains(Map.of("name", "data", "mountPath", env(container).get(dataDir)));
			String headless = "streamplane-" + role + "-headless";
			assertThat(map(statefulSet, "spec")).containsEntry("serviceName", headless);
			assertThat(map(find(manifests, "v1/Service", headless), "spec")).containsEntry("clusterIP", "None");
		});
		assertThat(render(Map.of("ragIndexer.enabled", "false")))
			.noneMatch(manifest -> name(manifest).contains("rag-indexer"));
	}

	@Test
	void shouldShipTheDashboardsAndTheAlertRules() throws IOException {
		List<Map<String, Object>> manifests = render(Map.of("metrics.prometheusRule.enabled", "true"));

		try (Stream<Path> files = Files.list(DeployFiles.CHART.resolve("dashboards"))) {
			for (Path dashboard : files.toList()) {
				String file = dashboard.getFileName().toString();
				Map<String, Object> configMap = find(manifests, "v1/ConfigMap",
						"streamplane-dashboard-" + file.replace(".json", ""));
				assertThat(map(configMap, "metadata").get("labels")).asInstanceOf(
						org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("grafana_dashboard", "1");
				assertThat(map(configMap, "data").get(file)).isEqualTo(Files.readString(dashboard).stripTrailing());
			}
		}
		Map<String, Object> rules = new Yaml().load(Files.readString(DeployFiles.CHART.resolve("files/alerts.yaml")));
		assertThat(map(find(manifests, "monitoring.coreos.com/v1/PrometheusRule", "streamplane"), "spec"))
			.isEqualTo(rules);
	}

	@Test
	void shouldFailWithTheMissingValueNamed() {
		TemplateCommand template = template(Map.of()).set("kafka.bootstrapServers", "");

		assertThatThrownBy(template::call).hasMessageContaining("kafka.bootstrapServers is required");
		assertThatThrownBy(template(Map.of("auth.adminToken", "short"))::call)
			.hasMessageContaining("auth.adminToken must be at least 16 characters");
	}

	private static List<Map<String, Object>> render(Map<String, String> values) {
		List<Map<String, Object>> manifests = new ArrayList<>();
		for (Object document : new Yaml().loadAll(template(values).call())) {
			if (document != null) {
				@SuppressWarnings("unchecked")
				Map<String, Object> manifest = (Map<String, Object>) document;
				manifests.add(manifest);
			}
		}
		return manifests;
	}

	private static TemplateCommand template(Map<String, String> values) {
		TemplateCommand template = new Helm(DeployFiles.CHART).template()
			.withName("streamplane")
			.withNamespace("streamplane")
			.withKubeVersion(KUBE_VERSION);
		REQUIRED.forEach(template::set);
		values.forEach(template::set);
		return template;
	}

	/** A copy of the chart whose values.yaml holds the required values, for lint (which takes no --set). */
	private static Path chartWithRequiredValues(Path copy) throws IOException {
		try (Stream<Path> files = Files.walk(DeployFiles.CHART)) {
			for (Path file : files.toList()) {
				Path target = copy.resolve(DeployFiles.CHART.relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(file, target);
				}
			}
		}
		Map<String, Object> values = new Yaml().load(Files.readString(copy.resolve("values.yaml")));
		REQUIRED.forEach((path, value) -> {
			String[] keys = path.split("\\.");
			map(values, keys[0]).put(keys[1], value);
		});
		Files.writeString(copy.resolve("values.yaml"), new Yaml().dump(values));
		return copy;
	}

	private static String type(Map<String, Object> manifest) {
		return manifest.get("apiVersion") + "/" + manifest.get("kind");
	}

	private static String name(Map<String, Object> manifest) {
		return String.valueOf(map(manifest, "metadata").get("name"));
	}

	private static List<String> workloads(List<Map<String, Object>> manifests) {
		return manifests.stream()
			.filter(m -> type(m).startsWith("apps/v1/"))
			.map(m -> m.get("kind") + " " + name(m))
			.toList();
	}

	private static Map<String, Object> find(List<Map<String, Object>> manifests, String type, String name) {
		return manifests.stream()
			.filter(m -> type(m).equals(type) && name(m).equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + type + " " + name + " among " + manifests.stream()
				.map(m -> type(m) + " " + name(m))
				.toList()));
	}

	private static Map<String, Object> container(List<Map<String, Object>> manifests, String workload) {
		Map<String, Object> found = manifests.stream()
			.filter(m -> type(m).startsWith("apps/v1/") && name(m).equals(workload))
			.findFirst()
			.orElseThrow();
		Map<String, Object> pod = map(map(map(found, "spec"), "template"), "spec");
		return list(pod, "containers").getFirst();
	}

	private static Map<String, Object> env(Map<String, Object> container) {
		Map<String, Object> env = new LinkedHashMap<>();
		for (Map<String, Object> variable : list(container, "env")) {
			env.put((String) variable.get("name"), variable.getOrDefault("value", variable.get("valueFrom")));
		}
		return env;
	}

	private static Object secretRef(Map<String, Object> container, String variable) {
		Object valueFrom = env(container).get(variable);
		assertThat(valueFrom).as(variable).isInstanceOf(Map.class);
		return ((Map<?, ?>) valueFrom).get("secretKeyRef");
	}

	private static String probePath(Map<String, Object> container, String probe) {
		return (String) map(map(container, probe), "httpGet").get("path");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Map<String, Object> parent, String key) {
		return (Map<String, Object>) Objects.requireNonNull(parent.get(key), key);
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> list(Map<String, Object> parent, String key) {
		return (List<Map<String, Object>>) Objects.requireNonNull(parent.get(key), key);
	}

}
