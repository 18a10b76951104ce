package io.streamplane.engine.preview;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The repository's copy of the conformance cases is the shared originals, byte for byte. */
class ConformanceCopyTest {

	@Test
	void shouldMatchTheSharedCasesWhenTheyAreBesideTheClone() throws IOException {
		Path copy = TestFiles.repositoryCopy();
		assertThat(copy.resolve("c1-wordcount-tumbling.json")).exists();
		for (Path original : TestFiles.shared().map(ConformanceCopyTest::cases).orElse(List.of())) {
			Path copied = copy.resolve(original.getFileName().toString());
			assertThat(copied).as("copy %s to %s", original, copy).exists();
			assertThat(Files.readString(copied)).as("%s is out of date; copy %s over it", copied, original)
				.isEqualTo(Files.readString(original));
		}
	}

	private static List<Path> cases(Path shared) {
		try (var files = Files.list(shared)) {
			return files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
