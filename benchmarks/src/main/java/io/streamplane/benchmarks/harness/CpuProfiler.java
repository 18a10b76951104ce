package io.streamplane.benchmarks.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import one.profiler.AsyncProfiler;

/**
 * CPU profiles of a benchmark's runs, one file per run, or nothing when no directory is given: async-profiler in the
 * benchmark's own JVM, sampling each thread every millisecond of its CPU time ({@code cpu}: Linux perf events, or a
 * timer where they are not allowed), with Java, native (RocksDB through JNI, libc, the JVM) and kernel frames, per
 * thread. A file is in the collapsed format ({@code [thread];frame;frame… samples} per line; Java frames end in
 * {@code _[j]}, inlined ones {@code _[i]}, kernel ones {@code _[k]}), for flame graphs or a few lines of script.
 * Unlike JFR's execution samples, which see Java frames only, this shows where a thread's native time goes.
 */
public final class CpuProfiler {

	private final Optional<Path> directory;

	private CpuProfiler(Optional<Path> directory) {
		this.directory = directory;
	}

	/** Profiles into {@code directory}, created if need be; an empty name turns profiling off. */
	public static CpuProfiler into(String directory) {
		return new CpuProfiler(directory.isBlank() ? Optional.empty() : Optional.of(Path.of(directory).toAbsolutePath()));
	}

	/** Starts profiling a run; closing it writes {@code <directory>/<name>.collapsed}. */
	public Run start(String name) {
		if (directory.isEmpty()) {
			return () -> { };
		}
		Path file = directory.get().resolve(name + ".collapsed");
		try {
			Files.createDirectories(file.getParent());
			AsyncProfiler profiler = AsyncProfiler.getInstance();
			profiler.execute("start,event=cpu,interval=1ms,threads");
			return () -> {
				try {
					profiler.execute("stop,file=" + file + ",collapsed,ann");
					Progress.log("  CPU profile: " + file);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			};
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A run being profiled. */
	public interface Run extends AutoCloseable {

		/** Stops profiling and writes the run's file. */
		@Override
		void close();

	}

}
