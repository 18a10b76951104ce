package io.streamplane.benchmarks.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.streamplane.benchmarks.harness.Results.Case;

/** The markdown pieces every benchmark report shares: the machine, the throughput table and ratios. */
public final class ReportTables {

	private ReportTables() {
	}

	/**
	 * One row per case: median events/s, each run's events/s (or why it was not measured), output
	 * records and dropped records, the latter two once per distinct value.
	 * @param droppedColumn the heading of the dropped-records column, e.g. {@code late records}
	 */
	public static void throughput(StringBuilder out, Results results, String droppedColumn) {
		out.append("| Variant | Guarantee | events/s (median) | runs, events/s | output records | ")
			.append(droppedColumn).append(" |\n");
		out.append("|---|---|---:|---|---:|---:|\n");
		for (Case key : results.cases()) {
			List<Throughput> runs = results.runs(key);
			String median = results.median(key).map(ReportTables::rate).orElse("not measured");
			String each = runs.stream().map(run -> rate(run.perSecond())).collect(Collectors.joining(", "));
			out.append("| ").append(key.variant().label()).append(" | ").append(key.guarantee()).append(" | ")
				.append(median).append(" | ")
				.append(results.failure(key).map(reason -> "`" + reason + "`").orElse(each)).append(" | ")
				.append(distinct(runs, Throughput::outputRecords)).append(" | ")
				.append(distinct(runs, Throughput::droppedRecords)).append(" |\n");
		}
		out.append('\n');
	}

	/** The ratio of two cases' medians with two decimals, or {@code n/a} if either is missing. */
	public static String ratio(Results results, Case numerator, Case denominator) {
		Optional<Double> top = results.median(numerator);
		Optional<Double> bottom = results.median(denominator);
		return top.isPresent() && bottom.isPresent() ? String.format("%.2f", top.get() / bottom.get()) : "n/a";
	}

	/** The ratio round by round, e.g. {@code 0.93, 1.02}, or {@code n/a} unless both ran every round. */
	public static String paired(Results results, Case numerator, Case denominator) {
		List<Throughput> top = results.runs(numerator);
		List<Throughput> bottom = results.runs(denominator);
		if (top.isEmpty() || top.size() != bottom.size()) {
			return "n/a";
		}
		return IntStream.range(0, top.size())
			.mapToObj(round -> String.format("%.2f", top.get(round).perSecond() / bottom.get(round).perSecond()))
			.collect(Collectors.joining(", "));
	}

	/** A rate with thousands separators and no decimals. */
	public static String rate(double perSecond) {
		return String.format("%,.0f", perSecond);
	}

	/** Cores, CPU model, OS, JVM, heap and the load average when the report was written. */
	public static String machine() {
		Runtime runtime = Runtime.getRuntime();
		return String.format("Machine: %d cores (%s), %s %s, Java %s (%s), max heap %,d MiB, load average %s.",
				runtime.availableProcessors(), cpuModel(), System.getProperty("os.name"),
				System.getProperty("os.arch"), Runtime.version(), System.getProperty("java.vm.name"),
				runtime.maxMemory() / (1024 * 1024), loadAverage());
	}

	private static String distinct(List<Throughput> runs, ToLongFunction<Throughput> value) {
		return runs.stream().map(run -> String.format("%,d", value.applyAsLong(run))).distinct()
			.collect(Collectors.joining(", "));
	}

	private static String loadAverage() {
		try {
			String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
			return fields[0] + " / " + fields[1] + " / " + fields[2] + " (1 / 5 / 15 min)";
		}
		catch (IOException | RuntimeException ex) {
			return "unknown";
		}
	}

	private static String cpuModel() {
		try (var lines = Files.lines(Path.of("/proc/cpuinfo"))) {
			return lines.filter(line -> line.startsWith("model name"))
				.map(line -> line.substring(line.indexOf(':') + 1).trim())
				.findFirst()
				.orElse("unknown CPU");
		}
		catch (IOException | RuntimeException ex) {
			return "unknown CPU";
		}
	}

}
