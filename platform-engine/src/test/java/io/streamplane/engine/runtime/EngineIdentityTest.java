package io.streamplane.engine.runtime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** An engine keeps its instance id across restarts of the same state directory (issue 12). */
class EngineIdentityTest {

	@TempDir
	Path stateDir;

	@Test
	void shouldCreateTheIdOnceAndReadItBackOnEveryLaterStart() throws Exception {
		String first = EngineIdentity.of(properties(null, stateDir.resolve("engine"))).instanceId();

		assertThat(first).matches("[a-z0-9._-]+-[0-9a-f]{6}");
		assertThat(stateDir.resolve("engine/instance-id")).content().isEqualToIgnoringNewLines(first);
		assertThat(EngineIdentity.of(properties(null, stateDir.resolve("engine"))).instanceId()).isEqualTo(first);
		assertThat(EngineIdentity.of(properties(null, stateDir.resolve("other"))).instanceId()).isNotEqualTo(first);
	}

	@Test
	void shouldPreferTheConfiguredIdAndWriteNothing() {
		assertThat(EngineIdentity.of(properties("engine-7", stateDir)).instanceId()).isEqualTo("engine-7");
		assertThat(stateDir.resolve("instance-id")).doesNotExist();
	}

	@Test
	void shouldReplaceAStoredIdThatIsNotValid() throws Exception {
		Files.writeString(stateDir.resolve("instance-id"), "not valid!\n");

		String id = EngineIdentity.of(properties(null, stateDir)).instanceId();

		assertThat(id).matches("[a-z0-9._-]+-[0-9a-f]{6}");
		assertThat(stateDir.resolve("instance-id")).content().isEqualToIgnoringNewLines(id);
	}

	private static EngineProperties properties(String instanceId, Path stateDir) {
		return new EngineProperties(instanceId, stateDir, Duration.ofSeconds(5),
				new EngineProperties.Restart(Duration.ofSeconds(1), Duration.ofSeconds(60), 5), 1, Optional.empty(), -1,
				0, Duration.ofSeconds(30));
	}

}
