package io.streamplane.engine.cdc.internal;

import java.sql.SQLException;
import java.util.Optional;

import io.streamplane.kernel.FailureKind;

/**
 * What a PostgreSQL failure means for CDC, by its SQLState: class 28 (invalid authorization: a wrong password,
 * an unknown user, no {@code pg_hba.conf} entry) and 42501 (insufficient privilege) are permanent, since trying
 * again fails again until someone changes the credentials or grants; everything else (a database that is down or
 * restarting, a lost connection) is retriable.
 */
final class PostgresFailures {

	private static final int MAX_DEPTH = 32;

	private PostgresFailures() {
	}

	/** The kind of {@code failure}, judged by the first SQLState in its chain of causes. */
	static FailureKind kindOf(Throwable failure) {
		return sqlState(failure).filter(PostgresFailures::isPermanent).isPresent() ? FailureKind.PERMANENT
				: FailureKind.RETRIABLE;
	}

	/**
	 * A message naming the problem and the fix, for a permanent failure; the failure's own message otherwise.
	 */
	static String describe(Throwable failure, Database database) {
		Optional<String> state = sqlState(failure);
		String detail = " (SQLState " + state.orElse("none") + ": " + innermostMessage(failure) + ")";
		String where = database.host() + ":" + database.port() + "/" + database.name();
		if (state.filter(code -> code.startsWith("28")).isPresent()) {
			return "PostgreSQL at " + where + " rejected the credentials of user '" + database.username() + "'"
					+ detail + "; fix streamplane.engine.cdc.username/password (or spring.datasource.*) and restart "
					+ "the engine";
		}
		if (state.filter("42501"::equals).isPresent()) {
			return "user '" + database.username() + "' lacks a privilege CDC needs at " + where + detail
					+ "; grant SELECT on the table, CREATE on the database, ownership of the table and the "
					+ "REPLICATION attribute, then restart the engine";
		}
		return innermostMessage(failure);
	}

	private static boolean isPermanent(String sqlState) {
		return sqlState.startsWith("28") || sqlState.equals("42501");
	}

	private static Optional<String> sqlState(Throwable failure) {
		Throwable cause = failure;
		for (int depth = 0; cause != null && depth < MAX_DEPTH; depth++, cause = cause.getCause()) {
			if (cause instanceof SQLException sql && sql.getSQLState() != null) {
				return Optional.of(sql.getSQLState());
			}
		}
		return Optional.empty();
	}

	private static String innermostMessage(Throwable failure) {
		String message = String.valueOf(failure.getMessage());
		Throwable cause = failure;
		for (int depth = 0; cause != null && depth < MAX_DEPTH; depth++, cause = cause.getCause()) {
			if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
				message = cause.getMessage();
			}
		}
		return message;
	}

}
