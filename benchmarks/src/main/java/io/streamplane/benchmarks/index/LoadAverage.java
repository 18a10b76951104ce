package io.streamplane.benchmarks.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.DoubleSummaryStatistics;

/** The machine's one-minute load average ({@code /proc/loadavg}), sampled while a measurement runs. */
final class LoadAverage {

	private final DoubleSummaryStatistics samples = new DoubleSummaryStatistics();

	/** The one-minute load average now, or {@code NaN} where {@code /proc/loadavg} does not exist. */
	static double now() {
		try {
			return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
		}
		catch (IOException | RuntimeException ex) {
			return Double.NaN;
		}
	}

	synchronized void sample() {
		double load = now();
		if (!Double.isNaN(load)) {
			samples.accept(load);
		}
	}

	@Override
	public synchronized String toString() {
		return samples.getCount() == 0 ? "unknown"
				: String.format("%.1f–%.1f (mean %.1f, %d samples) on %d cores", samples.getMin(), samples.getMax(),
						samples.getAverage(), samples.getCount(), Runtime.getRuntime().availableProcessors());
	}

}
