package io.streamplane.app.standalone;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class DataDirectoryLockTest {

	@Test
	void shouldRejectSecondInstanceNamingDirectoryAndFix(@TempDir Path tempDir) {
		Path dataDir = tempDir.resolve("data");
		try (DataDirectoryLock lock = DataDirectoryLock.acquire(dataDir)) {
			assertThatExceptionOfType(StandaloneException.class).isThrownBy(() -> DataDirectoryLock.acquire(dataDir))
				.satisfies((ex) -> {
					assertThat(ex).hasMessageContaining(dataDir + " is in use by another Streamplane instance");
					assertThat(ex.action()).startsWith("Stop the other instance")
						.contains("--streamplane.standalone.data-dir=");
				});
		}
	}

	@Test
	void shouldBeAvailableAgainAfterRelease(@TempDir Path tempDir) {
		DataDirectoryLock.acquire(tempDir).close();
		assertThatNoException().isThrownBy(() -> DataDirectoryLock.acquire(tempDir).close());
		assertThat(tempDir.resolve(DataDirectoryLock.FILE_NAME)).exists();
	}

}
