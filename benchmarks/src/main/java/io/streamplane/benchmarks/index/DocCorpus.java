package io.streamplane.benchmarks.index;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import io.streamplane.benchmarks.harness.BenchmarkException;

/**
 * Real text chunks from documentation on this machine (by default {@code /usr/share/doc}: the changelogs,
 * copyright files, READMEs and manuals that Debian packages ship): text files, gzipped ones unpacked, HTML
 * stripped of tags, read in path order, cut at blank lines into paragraphs, paragraphs packed into chunks of at
 * most {@code maxWords} words, exact duplicates (the same licence in many packages) dropped. Deterministic for a
 * given set of files.
 */
final class DocCorpus {

	private static final Set<String> TEXT_SUFFIXES = Set.of("", "txt", "md", "rst", "html", "htm", "debian", "news",
			"readme", "changes", "changelog", "faq", "text");

	private static final Pattern TAGS = Pattern.compile("<[^>]{0,2000}>");

	private static final Pattern BLANK_LINE = Pattern.compile("\\n\\s*\\n");

	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	private static final int MIN_WORDS = 8;

	private DocCorpus() {
	}

	/**
	 * The first {@code count} distinct chunks of the documentation under {@code roots}.
	 *
	 * @throws BenchmarkException when the files hold fewer distinct chunks
	 */
	static List<String> chunks(List<Path> roots, int count, int maxWords) throws IOException {
		LinkedHashSet<String> chunks = new LinkedHashSet<>();
		for (Path file : files(roots)) {
			for (String chunk : chunksOf(read(file), maxWords)) {
				chunks.add(chunk);
				if (chunks.size() == count) {
					return List.copyOf(chunks);
				}
			}
		}
		throw new BenchmarkException("the documentation under " + roots + " holds only " + chunks.size()
				+ " distinct chunks of up to " + maxWords + " words, fewer than the " + count
				+ " asked for; lower --corpus-chunks or add --doc-dirs");
	}

	/** Paragraphs packed into chunks of at most {@code maxWords} words; chunks under 8 words are dropped. */
	static List<String> chunksOf(String text, int maxWords) {
		List<String> chunks = new ArrayList<>();
		List<String> current = new ArrayList<>();
		for (String paragraph : BLANK_LINE.split(text)) {
			String[] words = WHITESPACE.split(paragraph.strip());
			if (words.length == 1 && words[0].isEmpty()) {
				continue;
			}
			if (!current.isEmpty() && current.size() + words.length > maxWords) {
				add(chunks, current);
			}
			for (String word : words) {
				current.add(word);
				if (current.size() == maxWords) {
					add(chunks, current);
				}
			}
		}
		add(chunks, current);
		return chunks;
	}

	private static void add(List<String> chunks, List<String> words) {
		if (words.size() >= MIN_WORDS) {
			chunks.add(String.join(" ", words));
		}
		words.clear();
	}

	private static List<Path> files(List<Path> roots) throws IOException {
		List<Path> files = new ArrayList<>();
		for (Path root : roots) {
			if (!Files.isDirectory(root)) {
				continue;
			}
			try (Stream<Path> walk = Files.walk(root)) {
				walk.filter(Files::isRegularFile).filter(DocCorpus::isText).sorted().forEach(files::add);
			}
		}
		return files;
	}

	private static boolean isText(Path file) {
		String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		if (name.endsWith(".gz")) {
			name = name.substring(0, name.length() - 3);
		}
		int dot = name.lastIndexOf('.');
		String suffix = dot < 0 ? "" : name.substring(dot + 1);
		return TEXT_SUFFIXES.contains(suffix);
	}

	private static String read(Path file) throws IOException {
		try (InputStream raw = Files.newInputStream(file);
				InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
			String text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPLACE)
				.onUnmappableCharacter(CodingErrorAction.REPLACE)
				.decode(java.nio.ByteBuffer.wrap(in.readAllBytes()))
				.toString();
			if (text.indexOf('\0') >= 0) {
				return "";
			}
			String name = file.getFileName().toString();
			return name.contains(".htm") ? TAGS.matcher(text).replaceAll(" ") : text;
		}
		catch (IOException ex) {
			return "";
		}
	}

}
