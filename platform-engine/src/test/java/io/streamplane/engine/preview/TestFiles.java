package io.streamplane.engine.preview;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the shared conformance cases and the example specs from the test's working directory. */
final class TestFiles {

	private TestFiles() {
	}

	/**
	 * The {@code shared/conformance} directory: the nearest one found walking up from the working
	 * directory (locally {@code /work/shared} beside the clone {@code /work/main}; in CI the same
	 * layout).
	 */
	static Path conformance() {
		Path dir = Path.of("").toAbsolutePath();
		for (Path at = dir; at != null; at = at.getParent()) {
			Path candidate = at.resolve("shared").resolve("conformance");
			if (Files.isDirectory(candidate)) {
				return candidate;
			}
		}
		throw new IllegalStateException("no shared/conformance directory in " + dir + " or any parent; check out the " +
				"shared conformance cases beside the repository clone");
	}

	/** The repository's {@code examples} directory. */
	static Path examples() {
		return Path.of("..", "examples");
	}

}
