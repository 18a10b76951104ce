package io.streamplane.app.standalone;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class StandalonePropertiesTest {

	@Test
	void shouldDefaultToDataDirectoryInWorkingDirectoryAndStandardPorts() {
		StandaloneProperties properties = bind(Map.of());
		assertThat(properties.enabled()).isTrue();
		assertThat(properties.dataDir()).isEqualTo(Path.of("data").toAbsolutePath());
		assertThat(properties.kafkaPort()).isEqualTo(9092);
		assertThat(properties.controllerPort()).isEqualTo(9093);
		assertThat(properties.postgresPort()).isEqualTo(5432);
	}

	@Test
	void shouldBindKebabCaseProperties() {
		StandaloneProperties properties = bind(Map.of("streamplane.standalone.kafka-port", "19092",
				"streamplane.standalone.data-dir", "/var/lib/streamplane", "streamplane.standalone.enabled", "false"));
		assertThat(properties.kafkaPort()).isEqualTo(19092);
		assertThat(properties.dataDir()).isEqualTo(Path.of("/var/lib/streamplane"));
		assertThat(properties.enabled()).isFalse();
	}

	@Test
	void shouldNamePropertyValueAndFixWhenPortIsOutOfRange() {
		assertThatExceptionOfType(BindException.class)
			.isThrownBy(() -> bind(Map.of("streamplane.standalone.postgres-port", "0")))
			.havingRootCause()
			.isInstanceOfSatisfying(StandaloneException.class, (ex) -> {
				assertThat(ex).hasMessageContaining("streamplane.standalone.postgres-port=0 is not a TCP port");
				assertThat(ex.action()).contains("--streamplane.standalone.");
			});
	}

	@Test
	void shouldReportEveryProblemAtOnce(@TempDir Path tempDir) throws IOException {
		Path file = Files.createFile(tempDir.resolve("not-a-directory"));
		assertThatExceptionOfType(StandaloneException.class)
			.isThrownBy(() -> new StandaloneProperties(true, file, 70000, 9093, 9093))
			.withMessageContaining("streamplane.standalone.kafka-port=70000")
			.withMessageContaining("must be three different ports")
			.withMessageContaining("streamplane.standalone.data-dir=" + file + " is a file");
	}

	private static StandaloneProperties bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate(StandaloneProperties.PREFIX,
				StandaloneProperties.class);
	}

}
