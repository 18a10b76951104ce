package io.streamplane.benchmarks.wordcount;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything one benchmark run measured, and why anything that was not measured is missing. */
final class Results {

	/**
	 * A variant under one processing guarantee.
	 *
	 * @param variant the variant
	 * @param guarantee the Kafka Streams guarantee, or {@code none} for the loop
	 */
	record Case(Variant variant, String guarantee) {
	}

	private final Map<Case, List<Throughput>> throughput = new LinkedHashMap<>();

	private final Map<Case, String> failures = new LinkedHashMap<>();

	private final Map<Variant, LatencyResult> latency = new LinkedHashMap<>();

	private final Map<Variant, String> latencyFailures = new LinkedHashMap<>();

	private final List<String> notes = new ArrayList<>();

	void measured(Case key, Throughput run) {
		throughput.computeIfAbsent(key, k -> new ArrayList<>()).add(run);
	}

	void failed(Case key, String reason) {
		failures.putIfAbsent(key, reason);
	}

	void measured(Variant variant, LatencyResult result) {
		latency.put(variant, result);
	}

	void latencyFailed(Variant variant, String reason) {
		latencyFailures.put(variant, reason);
	}

	void note(String note) {
		notes.add(note);
	}

	/** The cases in the order first measured or failed. */
	List<Case> cases() {
		List<Case> cases = new ArrayList<>(throughput.keySet());
		failures.keySet().stream().filter(key -> !cases.contains(key)).forEach(cases::add);
		return cases;
	}

	List<Throughput> runs(Case key) {
		return throughput.getOrDefault(key, List.of());
	}

	Optional<String> failure(Case key) {
		return Optional.ofNullable(failures.get(key));
	}

	/** The median events/s of a case, if it was measured. */
	Optional<Double> median(Case key) {
		List<Double> rates = runs(key).stream().map(Throughput::perSecond).sorted().toList();
		if (rates.isEmpty()) {
			return Optional.empty();
		}
		int middle = rates.size() / 2;
		return Optional.of(rates.size() % 2 == 1 ? rates.get(middle) : (rates.get(middle - 1) + rates.get(middle)) / 2);
	}

	Map<Variant, LatencyResult> latency() {
		return latency;
	}

	Map<Variant, String> latencyFailures() {
		return latencyFailures;
	}

	List<String> notes() {
		return notes;
	}

}
