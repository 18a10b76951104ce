package io.streamplane.engine.cdc.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

import org.postgresql.Driver;

/**
 * Where the captured database is, from configuration only. {@link #toString()} leaves out the
 * password and the URL's query.
 *
 * @param jdbcUrl {@code jdbc:postgresql://host:port/database}
 * @param username the user; needs the REPLICATION attribute
 * @param password the password, possibly empty
 */
public record Database(String jdbcUrl, String username, String password) {

	/**
	 * Validates the URL.
	 * @throws CdcException when it is not a PostgreSQL JDBC URL
	 */
	public Database {
		if (jdbcUrl == null || Driver.parseURL(jdbcUrl, null) == null) {
			throw new CdcException("CDC needs a PostgreSQL JDBC URL such as jdbc:postgresql://db:5432/app in "
					+ "streamplane.engine.cdc.url or spring.datasource.url; got " + redacted(jdbcUrl), false);
		}
		password = password == null ? "" : password;
	}

	String host() {
		return url().getProperty("PGHOST").split(",")[0];
	}

	int port() {
		return Integer.parseInt(url().getProperty("PGPORT").split(",")[0]);
	}

	String name() {
		return url().getProperty("PGDBNAME");
	}

	Connection connect() throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", username);
		properties.setProperty("password", password);
		return DriverManager.getConnection(jdbcUrl, properties);
	}

	private Properties url() {
		return Driver.parseURL(jdbcUrl, null);
	}

	private static String redacted(String url) {
		if (url == null) {
			return "nothing";
		}
		int query = url.indexOf('?');
		return query < 0 ? url : url.substring(0, query) + "?…";
	}

	@Override
	public String toString() {
		return "Database[" + redacted(jdbcUrl) + " as " + username + "]";
	}

}
