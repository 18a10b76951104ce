package io.streamplane.benchmarks.features;

import java.time.Duration;

/**
 * One open-loop phase against a server process, with what the scheduler says about it ({@link SchedStats}).
 *
 * @param result the latencies
 * @param cpu the server process's CPU time over the phase (all threads)
 * @param serverWaitMicros how long the server's threads waited runnable for a core, per request sent
 * @param stealPercent CPU time stolen from the VM over the phase, percent of all CPU time
 */
record Phase(OpenLoopLoad.Result result, Duration cpu, double serverWaitMicros, double stealPercent) {

	/** A load phase. */
	@FunctionalInterface
	interface Load {

		OpenLoopLoad.Result run() throws InterruptedException;

	}

	/** Runs {@code load}, which sends {@code requests} in all (warm-up included), against the server process {@code pid}. */
	static Phase measure(long pid, long requests, Load load) throws InterruptedException {
		ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
		Duration cpuBefore = process.info().totalCpuDuration().orElse(Duration.ZERO);
		SchedStats before = SchedStats.sample(pid);
		OpenLoopLoad.Result result = load.run();
		SchedStats after = SchedStats.sample(pid);
		Duration cpu = process.info().totalCpuDuration().orElse(Duration.ZERO).minus(cpuBefore);
		return new Phase(result, cpu, after.waitMicros(before, 0) / Math.max(1, requests), after.stealPercent(before));
	}

	/** The percentiles. */
	Latency latency() {
		return result.latency();
	}

}
