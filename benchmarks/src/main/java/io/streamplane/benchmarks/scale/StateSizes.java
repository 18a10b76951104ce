package io.streamplane.benchmarks.scale;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
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
