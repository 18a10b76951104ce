package io.streamplane.benchmarks.features;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.streamplane.benchmarks.harness.BenchmarkException;

/** Reads a process's resident set size from {@code /proc/<pid>/status} ({@code VmRSS}). */
final class RssProbe {

	private final Path status;

	RssProbe(long pid) {
		this.status = Path.of("/proc", Long.toString(pid), "status");
	}

	/** The current RSS in kilobytes. */
	long kilobytes() {
		try {
			for (String line : Files.readAllLines(status)) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.substring(6).replace("kB", "").trim());
				}
			}
			throw new BenchmarkException(status + " has no VmRSS line");
		}
		catch (IOException ex) {
			throw new BenchmarkException("Cannot read " + status + " (Linux only): " + ex.getMessage(), ex);
		}
	}

}
