package io.streamplane.benchmarks.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A process's resident set size ({@code VmRSS} of {@code /proc/<pid>/status}); 0 where there is none. */
final class Rss {

	private Rss() {
	}

	/** This process's. */
	static long kilobytes() {
		return kilobytes("self");
	}

	/** The process {@code pid}'s ({@code self}: this one). */
	static long kilobytes(String pid) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.substring(6).replace("kB", "").trim());
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
		return 0;
	}

}
