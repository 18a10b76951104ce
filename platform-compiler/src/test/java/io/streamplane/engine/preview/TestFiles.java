package io.streamplane.engine.preview;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the conformance cases and the example specs from the test's working directory. */
final class TestFiles {

	private TestFiles() {
	}

	/**
	 * The conformance cases: the shared originals ({@code shared/conformance}, the nearest found
	 * walking up from the working directory) when they are there, else the repository's copy.
	 */
	static Path conformance() {
		return shared().orElseGet(TestFiles::repositoryCopy);
	}

	/** The shared originals, if a {@code shared/conformance} folder is beside the clone. */
	static Optional<Path> shared() {
		for (Path at = Path.of("").toAbsolutePath(); at != null; at = at.getParent()) {
			Path candidate = at.resolve("shared").resolve("conformance");
			if (Files.isDirectory(candidate)) {
				return Optional.of(candidate);
			}
		}
		return Optional.empty();
	}

	/** The repository's copy of the cases, {@code conformance/}. */
	static Path repositoryCopy() {
		return Path.of("..", "conformance");
	}

	/** The repository's {@code examples} directory. */
	static Path examples() {
		return Path.of("..", "examples");
	}

}
