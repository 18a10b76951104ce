package io.streamplane.api;

import io.streamplane.api.registry.PipelineRegistry;
import io.streamplane.api.status.StatusBoard;
import io.streamplane.api.web.PipelineController;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** When the control plane's auto-configuration applies, and how its properties bind. */
class ControlPlaneAutoConfigurationTest {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ControlPlaneAutoConfiguration.class));

	@Test
	void shouldStayOffWithoutTheControlPlaneRole() {
		runner.withPropertyValues("streamplane.roles=engine,feature-server")
			.run(context -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(PipelineRegistry.class)
				.doesNotHaveBean(PipelineController.class)
				.doesNotHaveBean(StatusBoard.class)
				.doesNotHaveBean(ControlPlaneProperties.class));
	}

	@Test
	void shouldRejectAnInvalidPreviewBudgetNamingTheProperty() {
		new WebApplicationContextRunner().withUserConfiguration(PropertiesOnly.class)
			.withPropertyValues("streamplane.control-plane.preview.timeout=1h")
			.run(context -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("streamplane.control-plane.preview")
				.hasMessageContaining("must be between 100ms and 10m"));
	}

	@Test
	void shouldDefaultEveryProperty() {
		new WebApplicationContextRunner().withUserConfiguration(PropertiesOnly.class).run(context -> {
			ControlPlaneProperties properties = context.getBean(ControlPlaneProperties.class);
			assertThat(properties.maxRequestSize().toMegabytes()).isEqualTo(1);
			assertThat(properties.maxPageSize()).isEqualTo(100);
			assertThat(properties.preview().threads()).isEqualTo(1);
			assertThat(properties.preview().maxOutputRecords()).isEqualTo(10_000);
		});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(ControlPlaneProperties.class)
	@ImportAutoConfiguration(ValidationAutoConfiguration.class)
	static class PropertiesOnly {

	}

}
