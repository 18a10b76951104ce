package io.streamplane.engine.cdc.internal;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.streamplane.engine.cdc.CdcProperties;
import org.junit.jupiter.api.Test;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CdcDatabaseTest {

	private static final JdbcConnectionDetails APPLICATION = new JdbcConnectionDetails() {

		@Override
		public String getJdbcUrl() {
			return "jdbc:postgresql://localhost:32770/streamplane?loggerLevel=OFF";
		}

		@Override
		public String getUsername() {
			return "test";
		}

		@Override
		public String getPassword() {
			return "secret";
		}

	};

	@Test
	void shouldCaptureFromTheApplicationsDatabaseWhenNothingElseIsConfigured() {
		Database database = new CdcDatabase(properties(null, null, null), () -> APPLICATION).resolve();
		assertThat(database).isEqualTo(new Database(APPLICATION.getJdbcUrl(), "test", "secret"));
		assertThat(database.host()).isEqualTo("localhost");
		assertThat(database.port()).isEqualTo(32770);
		assertThat(database.name()).isEqualTo("streamplane");
	}

	@Test
	void shouldPreferItsOwnSettingsEachFallingBackOnItsOwn() {
		Database database = new CdcDatabase(properties("jdbc:postgresql://replica:5433/app", "cdc", null),
				() -> APPLICATION)
			.resolve();
		assertThat(database).isEqualTo(new Database("jdbc:postgresql://replica:5433/app", "cdc", "secret"));
		assertThat(database.host()).isEqualTo("replica");
		assertThat(database.port()).isEqualTo(5433);
	}

	@Test
	void shouldWorkWithoutApplicationDatabaseWhenConfiguredItself() {
		assertThat(new CdcDatabase(properties("jdbc:postgresql://db/app", null, null), () -> null).resolve())
			.isEqualTo(new Database("jdbc:postgresql://db/app", "", ""));
	}

	@Test
	void shouldNameBothSettingsWhenThereIsNoDatabase() {
		assertThatExceptionOfType(CdcException.class)
			.isThrownBy(() -> new CdcDatabase(properties(null, null, null), () -> null).resolve())
			.withMessageContaining("streamplane.engine.cdc.url")
			.withMessageContaining("spring.datasource.url")
			.satisfies(ex -> assertThat(ex.isRetriable()).isFalse());
	}

	private static CdcProperties properties(String url, String username, String password) {
		return new CdcProperties(List.of(), Optional.ofNullable(url), Optional.ofNullable(username),
				Optional.ofNullable(password), Duration.ofMillis(20), 2048, Duration.ofSeconds(1), Duration.ofSeconds(10),
				"", "sp.cdc.leader", "sp.cdc.offsets", Duration.ofSeconds(10), 1, Duration.ofSeconds(5),
				Duration.ofSeconds(2));
	}

}
