package io.streamplane.benchmarks.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/** What a benchmark tells its user while it runs, and the report it leaves. */
public final class Progress {

	private Progress() {
	}

	/** A line on stderr, prefixed with the time of day. */
	public static void log(String message) {
		System.err.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " " + message);
	}

	/** Prints the markdown report to stdout and writes it to {@code path}, relative to the working directory. */
	public static void publish(String report, String path) throws IOException {
		System.out.println(report);
		Path file = Path.of(path).toAbsolutePath();
		Files.createDirectories(file.getParent());
		Files.writeString(file, report);
		log("Report written to " + file);
	}

}
