package io.streamplane.app.standalone;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AdminTokenTest {

	@Test
	void shouldCreateOwnerOnlyTokenOnceAndReuseIt(@TempDir Path dataDir) throws IOException {
		String token = AdminToken.readOrCreate(dataDir);
		assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]+");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("admin-token"))))
			.isEqualTo("rw-------");
		assertThat(AdminToken.readOrCreate(dataDir)).isEqualTo(token);
	}

	@Test
	void shouldRejectEmptyTokenFileNamingIt(@TempDir Path dataDir) throws IOException {
		Files.writeString(dataDir.resolve("admin-token"), "\n");
		assertThatExceptionOfType(StandaloneException.class).isThrownBy(() -> AdminToken.readOrCreate(dataDir))
			.withMessageContaining(dataDir.resolve("admin-token") + " is empty");
	}

}
