package io.streamplane.app.split;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The PromQL of the Grafana dashboards and the alert rules that {@code deploy/} ships, read from the chart's
 * files. Dashboard variables are replaced by what Grafana would send for "All" and a rate interval of six scrapes.
 */
final class ObservabilityQueries {

	/** The chart's directory, from the streamplane-app module. */
	static final Path CHART = Path.of("..", "deploy", "helm", "streamplane");

	/** The alert rules file. */
	static final Path ALERTS = CHART.resolve("files/alerts.yaml");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ObservabilityQueries() {
	}

	/** Every dashboard target's expression, by {@code <dashboard file> / <panel title> / <refId>}. */
	static Map<String, String> dashboards() {
		Map<String, String> queries = new LinkedHashMap<>();
		try (Stream<Path> files = Files.list(CHART.resolve("dashboards"))) {
			for (Path file : files.sorted().toList()) {
				JsonNode dashboard = JSON.readTree(Files.readString(file));
				for (JsonNode panel : dashboard.path("panels")) {
					for (JsonNode target : panel.path("targets")) {
						queries.put(file.getFileName() + " / " + panel.path("title").asString() + " / "
								+ target.path("refId").asString(), substitute(target.path("expr").asString()));
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return queries;
	}

	/** Every alert's expression, by alert name. */
	@SuppressWarnings("unchecked")
	static Map<String, String> alerts() {
		Map<String, String> queries = new LinkedHashMap<>();
		try {
			Map<String, Object> file = new Yaml().load(Files.readString(ALERTS));
			for (Map<String, Object> group : (List<Map<String, Object>>) file.get("groups")) {
				for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
					queries.put((String) rule.get("alert"), (String) rule.get("expr"));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return queries;
	}

	/** Grafana's variables as Grafana sends them for "All", and a rate interval of six 5 s scrapes. */
	static String substitute(String expr) {
		return expr.replace("$__rate_interval", "30s")
			.replace("\"$pipeline\"", "\".*\"")
			.replace("\"$view\"", "\".*\"")
			.replace("\"$index\"", "\".*\"")
			.replace("\"$listener\"", "\".*\"");
	}

	/** Names in {@code expr} that still look like dashboard variables. */
	static List<String> unresolvedVariables(String expr) {
		List<String> left = new ArrayList<>();
		for (String part : expr.split("[^$\\w]+")) {
			if (part.startsWith("$")) {
				left.add(part);
			}
		}
		return left;
	}

}
