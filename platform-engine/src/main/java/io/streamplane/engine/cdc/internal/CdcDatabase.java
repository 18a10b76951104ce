package io.streamplane.engine.cdc.internal;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import io.streamplane.engine.cdc.CdcProperties;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

/**
 * Where CDC captures from: {@code streamplane.engine.cdc.url}, {@code username} and {@code password},
 * each falling back to the application's own database as Spring Boot's {@link JdbcConnectionDetails}
 * give it ({@code spring.datasource.*}, standalone's embedded PostgreSQL, a {@code @ServiceConnection}
 * container). Debezium's host, port and database name come from the JDBC URL. Resolved when a table is
 * first demanded, so an engine without CDC demand needs no database.
 */
public final class CdcDatabase {

	private final CdcProperties properties;

	private final Supplier<JdbcConnectionDetails> application;

	/**
	 * @param properties {@code streamplane.engine.cdc.*}
	 * @param application the application's JDBC connection details, or {@code null} when it has no
	 * database (an engine-only process without {@code spring.datasource.url})
	 */
	public CdcDatabase(CdcProperties properties, Supplier<JdbcConnectionDetails> application) {
		this.properties = properties;
		this.application = application;
	}

	/**
	 * The database to capture from.
	 * @throws CdcException when no database is configured or its URL is not a PostgreSQL JDBC URL
	 */
	public Database resolve() {
		Optional<JdbcConnectionDetails> details = Optional.ofNullable(application.get());
		String url = properties.url().or(() -> details.map(JdbcConnectionDetails::getJdbcUrl)).orElse(null);
		if (url == null || url.isBlank()) {
			throw new CdcException("CDC tables are demanded but no database is configured: set "
					+ CdcProperties.PREFIX + ".url or spring.datasource.url", false);
		}
		return new Database(url, orApplication(properties.username(), details, JdbcConnectionDetails::getUsername),
				orApplication(properties.password(), details, JdbcConnectionDetails::getPassword));
	}

	private static String orApplication(Optional<String> own, Optional<JdbcConnectionDetails> details,
			Function<JdbcConnectionDetails, String> value) {
		return own.or(() -> details.map(value)).orElse("");
	}

}
