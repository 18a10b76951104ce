package io.streamplane.engine.cdc.internal;

import java.sql.SQLException;

import io.streamplane.kernel.FailureKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresFailuresTest {

	private static final Database DATABASE = new Database("jdbc:postgresql://db:5432/app?password=secret", "cdc", "");

	@Test
	void shouldTreatRejectedCredentialsAndMissingPrivilegesAsPermanentWhereverTheyAreInTheChain() {
		assertThat(PostgresFailures.kindOf(new SQLException("password authentication failed", "28P01")))
			.isEqualTo(FailureKind.PERMANENT);
		assertThat(PostgresFailures.kindOf(new SQLException("role \"cdc\" does not exist", "28000")))
			.isEqualTo(FailureKind.PERMANENT);
		assertThat(PostgresFailures.kindOf(new IllegalStateException("connector failed",
				new RuntimeException(new SQLException("must be superuser or replication role", "42501")))))
			.isEqualTo(FailureKind.PERMANENT);
	}

	@Test
	void shouldRetryEverythingElse() {
		assertThat(PostgresFailures.kindOf(new SQLException("connection refused", "08001")))
			.isEqualTo(FailureKind.RETRIABLE);
		assertThat(PostgresFailures.kindOf(new SQLException("the database system is starting up", "57P03")))
			.isEqualTo(FailureKind.RETRIABLE);
		assertThat(PostgresFailures.kindOf(new IllegalStateException("no SQLState at all")))
			.isEqualTo(FailureKind.RETRIABLE);
	}

	@Test
	void shouldNameTheUserTheDatabaseAndTheFixWithoutTheUrlsSecrets() {
		assertThat(PostgresFailures.describe(new SQLException("FATAL: password authentication failed", "28P01"),
				DATABASE))
			.contains("PostgreSQL at db:5432/app rejected the credentials of user 'cdc'")
			.contains("SQLState 28P01: FATAL: password authentication failed")
			.contains("streamplane.engine.cdc.username/password")
			.doesNotContain("secret");
		assertThat(PostgresFailures.describe(new SQLException("permission denied for table users", "42501"), DATABASE))
			.contains("user 'cdc' lacks a privilege CDC needs at db:5432/app")
			.contains("REPLICATION");
	}

}
