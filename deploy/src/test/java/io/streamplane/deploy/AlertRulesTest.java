package io.streamplane.deploy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alert rules pass Prometheus' own checks: {@code promtool check rules} (syntax, PromQL, templates) and
 * {@code promtool test rules} (each alert fires on made-up series that should raise it, at the time it should,
 * with its severity and text, and stays quiet otherwise).
 */
class AlertRulesTest {

	@Test
	void shouldPassPromtoolCheckRules() {
		ExternalTool promtool = ExternalTool.require("promtool", "prometheus");

		ExternalTool.Result result = promtool.run(DeployFiles.CHART, Map.of(), "check", "rules", "files/alerts.yaml");

		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.output()).contains("SUCCESS").doesNotContain("FAILED");
	}

	@Test
	void shouldFireEachAlertWhenItsConditionHoldsForItsWindow() {
		ExternalTool promtool = ExternalTool.require("promtool", "prometheus");

		ExternalTool.Result result = promtool.run(DeployFiles.DEPLOY.resolve("prometheus"), Map.of(), "test",
				"rules", "alerts-test.yaml");

		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.output()).contains("SUCCESS");
	}

	@Test
	void shouldAcceptTheComposePrometheusConfiguration() {
		ExternalTool promtool = ExternalTool.require("promtool", "prometheus");

		ExternalTool.Result result = promtool.run(DeployFiles.DEPLOY.resolve("prometheus"), Map.of(), "check",
				"config", "--syntax-only", "prometheus.yml");

		assertThat(result.exitCode()).as(result.output()).isZero();
	}

}
