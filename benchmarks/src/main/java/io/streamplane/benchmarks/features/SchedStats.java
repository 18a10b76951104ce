package io.streamplane.benchmarks.features;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * What the Linux scheduler says about a phase: the CPU time the hypervisor stole from this VM ({@code /proc/stat})
 * and how long the threads of a process waited runnable for a core ({@code /proc/<pid>/task/<tid>/schedstat}).
 * A request whose thread waits for a core waits with it, whatever the server does.
 *
 * @param stealTicks CPU ticks stolen, all CPUs
 * @param totalTicks CPU ticks of every kind, all CPUs
 * @param waits per process asked for, the nanoseconds its threads (alive at both samples or not) spent runnable but
 *        not running, summed
 */
record SchedStats(long stealTicks, long totalTicks, long[] waits) {

	/** A sample now, for the processes {@code pids}. */
	static SchedStats sample(long... pids) {
		long[] cpu = cpuTicks();
		long[] waits = new long[pids.length];
		for (int i = 0; i < pids.length; i++) {
			waits[i] = runQueueNanos(pids[i]);
		}
		return new SchedStats(cpu[0], cpu[1], waits);
	}

	/** Stolen ticks as a percentage of all ticks between {@code before} and this sample. */
	double stealPercent(SchedStats before) {
		long total = totalTicks - before.totalTicks;
		return total == 0 ? 0 : 100.0 * (stealTicks - before.stealTicks) / total;
	}

	/** Run-queue wait of process number {@code i} since {@code before}, in microseconds. */
	double waitMicros(SchedStats before, int i) {
		return (waits[i] - before.waits[i]) / 1000.0;
	}

	/** How long the calling thread has waited runnable for a core so far, in nanoseconds; 0 if not known. */
	static long threadRunQueueNanos() {
		return runQueueNanos(Path.of("/proc/thread-self"));
	}

	/** {steal, total} ticks of the {@code cpu} line: user nice system idle iowait irq softirq steal. */
	private static long[] cpuTicks() {
		try (Stream<String> lines = Files.lines(Path.of("/proc/stat"))) {
			String[] fields = lines.filter(line -> line.startsWith("cpu ")).findFirst().orElse("cpu").trim().split("\\s+");
			long total = 0;
			for (int i = 1; i < Math.min(fields.length, 9); i++) {
				total += Long.parseLong(fields[i]);
			}
			return new long[] { fields.length > 8 ? Long.parseLong(fields[8]) : 0, total };
		}
		catch (IOException | RuntimeException ex) {
			return new long[] { 0, 0 };
		}
	}

	private static long runQueueNanos(long pid) {
		try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
			return tasks.mapToLong(SchedStats::runQueueNanos).sum();
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
	}

	private static long runQueueNanos(Path task) {
		try {
			String[] fields = Files.readString(task.resolve("schedstat")).trim().split("\\s+");
			return Long.parseLong(fields[1]);
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
	}

}
