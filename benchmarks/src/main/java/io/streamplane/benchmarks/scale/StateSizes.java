package io.streamplane.benchmarks.scale;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.streamplane.benchmarks.harness.BenchmarkException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Node;

/** Bytes of state: a state directory on disk, an application's changelog topics on the broker. */
final class StateSizes {

	private StateSizes() {
	}

	/** Bytes of every regular file under {@code directory}, 0 if it does not exist. */
	static long onDisk(Path directory) {
		if (!Files.exists(directory)) {
			return 0;
		}
		try (Stream<Path> files = Files.walk(directory)) {
			return files.filter(Files::isRegularFile).mapToLong(StateSizes::size).sum();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not measure " + directory, ex);
		}
	}

	/**
	 * The files under {@code directory} by kind, e.g. {@code "sst 12 files 801,234 B, MANIFEST 12 files 1,980 B, ..."}:
	 * what of the state on disk is data ({@code sst}) and what is RocksDB's fixed cost per store or segment
	 * ({@code OPTIONS}, {@code MANIFEST}, {@code LOG}, {@code CURRENT} and the like). Empty if it does not exist.
	 */
	static String byKind(Path directory) {
		if (!Files.exists(directory)) {
			return "";
		}
		Map<String, long[]> kinds = new TreeMap<>();
		try (Stream<Path> files = Files.walk(directory)) {
			files.filter(Files::isRegularFile).forEach(file -> {
				long[] filesAndBytes = kinds.computeIfAbsent(kind(file), kind -> new long[2]);
				filesAndBytes[0]++;
				filesAndBytes[1] += size(file);
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not measure " + directory, ex);
		}
		long segments;
		try (Stream<Path> files = Files.walk(directory)) {
			segments = files.filter(file -> file.getFileName().toString().equals("CURRENT")).count();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not measure " + directory, ex);
		}
		return kinds.entrySet().stream()
			.map(entry -> String.format("%s %,d files %,d B", entry.getKey(), entry.getValue()[0], entry.getValue()[1]))
			.collect(Collectors.joining(", ", String.format("%,d RocksDBs: ", segments), ""));
	}

	/** {@code sst}, {@code log} (write-ahead), or the name up to its first {@code -} or {@code .}: {@code MANIFEST}, {@code OPTIONS}, ... */
	private static String kind(Path file) {
		String name = file.getFileName().toString();
		if (name.endsWith(".sst")) {
			return "sst";
		}
		if (name.endsWith(".log")) {
			return "log";
		}
		String stem = name.startsWith(".") ? name : name.split("[-.]", 2)[0];
		return stem.isEmpty() ? name : stem;
	}

	/** Deletes {@code directory} and everything in it, if it exists. */
	static void delete(Path directory) {
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> files = Files.walk(directory)) {
			files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not delete " + directory, ex);
		}
	}

	/** Bytes in the log segments of the changelog topics of application {@code applicationId}, on every broker. */
	static long changelogs(Admin admin, String applicationId) {
		try {
			Collection<Node> nodes = admin.describeCluster().nodes().get();
			List<Integer> brokers = nodes.stream().map(Node::id).toList();
			return admin.describeLogDirs(brokers).allDescriptions().get().values().stream()
				.flatMap(dirs -> dirs.values().stream())
				.flatMap(dir -> dir.replicaInfos().entrySet().stream())
				.filter(replica -> replica.getKey().topic().startsWith(applicationId + "-")
						&& replica.getKey().topic().endsWith("-changelog"))
				.mapToLong(replica -> replica.getValue().size())
				.sum();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new BenchmarkException("Interrupted while measuring the changelogs of " + applicationId, ex);
		}
		catch (ExecutionException ex) {
			throw new BenchmarkException("Could not measure the changelogs of " + applicationId + ": " + ex.getCause(), ex);
		}
	}

	private static long size(Path file) {
		try {
			return Files.size(file);
		}
		catch (IOException ex) {
			return 0;
		}
	}

}
