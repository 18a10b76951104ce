package io.streamplane.benchmarks.scale;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;

import io.streamplane.benchmarks.harness.BenchmarkException;
import io.streamplane.benchmarks.harness.Progress;

/**
 * Restores (a)'s (or (c)'s) state from its changelogs several times in one run, with the current settings and with each
 * candidate in turn, so that candidates are compared with the current settings under the same load: on a
 * shared machine only ratios within a run mean something. Each restore starts a worker with an empty state
 * directory, waits until it is running and closes it (a clean close, so that a JFR recording is written); no
 * input arrives meanwhile, so every restore reads the same changelogs. Round {@code r} starts with candidate {@code r} (modulo their
 * number), so that no candidate always runs first.
 */
final class RestoreComparison {

	private static final String CURRENT = "current";

	private RestoreComparison() {
	}

	/**
	 * A named set of Kafka Streams settings applied over the current ones.
	 * @param name how the report names it
	 * @param settings e.g. {@code restore.consumer.max.poll.records=10000}
	 */
	record Candidate(String name, Map<String, String> settings) {

	}

	/**
	 * One restore.
	 * @param round the round, from 0
	 * @param candidate the settings it ran with
	 * @param restore what the worker reported, with its CPU time
	 * @param loadAverage the machine's one-minute load average when it ended
	 */
	record Round(int round, Candidate candidate, WorkerProcess.Restore restore, double loadAverage) {

		double recordsPerSecond() {
			return restore.records() * 1e3 / restore.millis();
		}

		/** Restored records per second of CPU time of the worker JVM, all threads: less sensitive to load. */
		double recordsPerCpuSecond() {
			return restore.cpuMillis() == 0 ? Double.NaN : restore.records() * 1e3 / restore.cpuMillis();
		}

	}

	/**
	 * {@code name:key=value,key=value;name:key=value}; the current settings come first, as {@code current}.
	 * @throws IllegalArgumentException naming the part without a name or a {@code key=value}
	 */
	static List<Candidate> candidates(String spec) {
		List<Candidate> candidates = new ArrayList<>(List.of(new Candidate(CURRENT, Map.of())));
		for (String part : spec.split(";")) {
			if (part.isBlank()) {
				continue;
			}
			int colon = part.indexOf(':');
			if (colon < 1) {
				throw new IllegalArgumentException("restore-settings: '" + part
						+ "' has no name; write name:key=value,key=value, candidates separated by ';'");
			}
			Map<String, String> settings = new LinkedHashMap<>();
			for (String setting : part.substring(colon + 1).split(",")) {
				String[] pair = setting.split("=", 2);
				if (pair.length != 2 || pair[0].isBlank()) {
					throw new IllegalArgumentException("restore-settings: '" + setting + "' in '" + part
							+ "' is not key=value");
				}
				settings.put(pair[0].trim(), pair[1].trim());
			}
			candidates.add(new Candidate(part.substring(0, colon).trim(), settings));
		}
		return candidates;
	}

	/**
	 * Runs {@code rounds} rounds of every candidate.
	 * @param settings the current settings of instance 1 of (a), a fresh copy each call
	 * @param stateDirectory instance 1's state directory, deleted before each restore
	 */
	static List<Round> run(ScaleVariant variant, List<Candidate> candidates, int rounds, String run,
			Supplier<Properties> settings, Path stateDirectory, String input, String output, String heap)
			throws IOException, InterruptedException {
		List<Round> results = new ArrayList<>();
		for (int round = 0; round < rounds; round++) {
			for (int i = 0; i < candidates.size(); i++) {
				Candidate candidate = candidates.get((round + i) % candidates.size());
				StateSizes.delete(stateDirectory);
				Properties properties = settings.get();
				properties.putAll(candidate.settings());
				WorkerProcess worker = WorkerProcess.start(run + "-restore-" + candidate.name() + "-" + round,
						variant, properties, input, output, heap);
				WorkerProcess.Restore restore;
				try {
					worker.awaitRunning(Duration.ofMinutes(10));
					restore = worker.restore();
				}
				finally {
					worker.close();
				}
				if (restore == null) {
					throw new BenchmarkException("Worker of " + candidate.name() + " is running without having restored");
				}
				Round result = new Round(round, candidate, restore, loadAverage());
				results.add(result);
				Progress.log(String.format("  round %d, %s: %,d records in %,d ms (%,.0f records/s, %,.0f per CPU second), load %.1f",
						round, candidate.name(), restore.records(), restore.millis(), result.recordsPerSecond(),
						result.recordsPerCpuSecond(), result.loadAverage()));
			}
		}
		return results;
	}

	/** Each candidate's restore time relative to the current settings' in the same round, the median over rounds. */
	static double medianSpeedUp(List<Round> rounds, Candidate candidate) {
		double[] ratios = rounds.stream()
			.filter(round -> round.candidate().equals(candidate))
			.mapToDouble(round -> current(rounds, round.round()).restore().millis() / (double) round.restore().millis())
			.sorted()
			.toArray();
		return ratios.length == 0 ? Double.NaN
				: ratios.length % 2 == 1 ? ratios[ratios.length / 2]
						: (ratios[ratios.length / 2 - 1] + ratios[ratios.length / 2]) / 2;
	}

	private static Round current(List<Round> rounds, int round) {
		return rounds.stream()
			.filter(result -> result.round() == round && result.candidate().name().equals(CURRENT))
			.findFirst()
			.orElseThrow();
	}

	private static double loadAverage() {
		try {
			return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
		}
		catch (IOException | RuntimeException ex) {
			return Double.NaN;
		}
	}

	/** The report's section: one row per restore, then each candidate's median speed-up. */
	static void report(StringBuilder out, ScaleVariant variant, List<Candidate> candidates, List<Round> rounds,
			long changelogBytes) {
		if (rounds.isEmpty()) {
			return;
		}
		out.append(String.format("## Restore settings compared in this run, %s (%,.1f MB of changelogs)%n%n",
				variant.label(), changelogBytes / 1e6));
		out.append("| round | settings | records | ms | records/s | MB/s | records per CPU second | load |\n");
		out.append("|---:|---|---:|---:|---:|---:|---:|---:|\n");
		for (Round round : rounds) {
			out.append(String.format("| %d | %s | %,d | %,d | %,.0f | %.1f | %,.0f | %.1f |%n", round.round(),
					describe(round.candidate()), round.restore().records(), round.restore().millis(),
					round.recordsPerSecond(), changelogBytes / 1e3 / round.restore().millis(), round.recordsPerCpuSecond(),
					round.loadAverage()));
		}
		out.append('\n');
		for (Candidate candidate : candidates.subList(1, candidates.size())) {
			out.append(String.format("- %s: restore %.2f× as fast as the current settings (median of the rounds' ratios)%n",
					describe(candidate), medianSpeedUp(rounds, candidate)));
		}
		out.append('\n');
	}

	private static String describe(Candidate candidate) {
		return candidate.settings().isEmpty() ? candidate.name()
				: candidate.name() + " (`" + String.join(", ", candidate.settings().entrySet().stream()
					.map(entry -> entry.getKey() + "=" + entry.getValue()).toList()) + "`)";
	}

}
