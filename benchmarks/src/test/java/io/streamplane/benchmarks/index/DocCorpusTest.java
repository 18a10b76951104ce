package io.streamplane.benchmarks.index;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.streamplane.benchmarks.harness.BenchmarkException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DocCorpusTest {

	@TempDir
	Path docs;

	@Test
	void shouldPackParagraphsIntoChunksOfAtMostMaxWordsAndDropTinyOnes() {
		String text = "one two three four five six seven eight\n\nnine ten eleven twelve thirteen fourteen fifteen "
				+ "sixteen seventeen eighteen\n\n  \n\ntiny";

		assertThat(DocCorpus.chunksOf(text, 10)).containsExactly("one two three four five six seven eight",
				"nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen");
		assertThat(DocCorpus.chunksOf(text, 100)).singleElement()
			.satisfies(chunk -> assertThat(chunk.split(" ")).hasSize(19));
	}

	@Test
	void shouldReadPlainGzippedAndHtmlDocsInPathOrderWithoutDuplicatesOrBinaries() throws IOException {
		String licence = "Permission is hereby granted, free of charge, to any person obtaining a copy";
		Files.createDirectories(docs.resolve("a"));
		Files.createDirectories(docs.resolve("b"));
		Files.writeString(docs.resolve("a/copyright"), licence);
		Files.writeString(docs.resolve("b/copyright"), licence);
		try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(docs.resolve("a/changelog.Debian.gz")))) {
			out.write("  * New upstream release with a fix for the long standing crash\n".getBytes(StandardCharsets.UTF_8));
		}
		Files.writeString(docs.resolve("b/index.html"),
				"<html><body><p>The <b>manual</b> explains every option of the tool in detail.</p></body></html>");
		Files.write(docs.resolve("b/logo.png"), new byte[] { (byte) 0x89, 'P', 'N', 'G', 0, 1, 2 });

		List<String> chunks = DocCorpus.chunks(List.of(docs), 3, 80);

		assertThat(chunks).containsExactly("* New upstream release with a fix for the long standing crash", licence,
				"The manual explains every option of the tool in detail.");
		assertThatThrownBy(() -> DocCorpus.chunks(List.of(docs), 4, 80)).isInstanceOf(BenchmarkException.class)
			.hasMessageContaining("holds only 3 distinct chunks");
	}

}
