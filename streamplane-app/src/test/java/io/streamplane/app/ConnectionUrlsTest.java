package io.streamplane.app;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectionUrlsTest {

	@Test
	void shouldStripCredentialParametersButKeepOthers() {
		assertThat(ConnectionUrls.withoutCredentials(
				"jdbc:postgresql://db:5432/streamplane?user=sp&password=s3cret&sslmode=require&sslpassword=x"))
			.isEqualTo("jdbc:postgresql://db:5432/streamplane?sslmode=require");
	}

	@Test
	void shouldStripUserInfo() {
		assertThat(ConnectionUrls.withoutCredentials("jdbc:postgresql://sp:s3cret@db/streamplane?user=sp"))
			.isEqualTo("jdbc:postgresql://db/streamplane");
	}

	@Test
	void shouldLeaveUrlWithoutCredentialsUnchanged() {
		assertThat(ConnectionUrls.withoutCredentials("jdbc:postgresql://localhost:5432/streamplane"))
			.isEqualTo("jdbc:postgresql://localhost:5432/streamplane");
		assertThat(ConnectionUrls.withoutCredentials(null)).isNull();
	}

}
