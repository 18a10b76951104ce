package io.streamplane.benchmarks.harness;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The throughput runs of one benchmark run, why any case is missing, and notes for the report. */
public final class Results {

	/**
	 * A variant under one processing guarantee.
	 *
	 * @param variant the variant
	 * @param guarantee the Kafka Streams guarantee, or {@code none} for a plain loop
	 */
	public record Case(Variant variant, String guarantee) {
	}

	private final Map<Case, List<Throughput>> throughput = new LinkedHashMap<>();

	private final Map<Case, String> failures = new LinkedHashMap<>();

	private final List<String> notes = new ArrayList<>();

	public void measured(Case key, Throughput run) {
		throughput.computeIfAbsent(key, k -> new ArrayList<>()).add(run);
	}

	/** Notes why {@code key} could not be measured; the first reason is kept. */
	public void failed(Case key, String reason) {
		failures.putIfAbsent(key, reason);
	}

	public void note(String note) {
		notes.add(note);
	}

	/** The cases in the order first measured or failed. */
	public List<Case> cases() {
		List<Case> cases = new ArrayList<>(throughput.keySet());
		failures.keySet().stream().filter(key -> !cases.contains(key)).forEach(cases::add);
		return cases;
	}

	public List<Throughput> runs(Case key) {
		return throughput.getOrDefault(key, List.of());
	}

	public Optional<String> failure(Case key) {
		return Optional.ofNullable(failures.get(key));
	}

	/** The median events/s of a case, if it was measured. */
	public Optional<Double> median(Case key) {
		List<Double> rates = runs(key).stream().map(Throughput::perSecond).sorted().toList();
		if (rates.isEmpty()) {
			return Optional.empty();
		}
		int middle = rates.size() / 2;
		return Optional.of(rates.size() % 2 == 1 ? rates.get(middle) : (rates.get(middle - 1) + rates.get(middle)) / 2);
	}

	public List<String> notes() {
		return notes;
	}

}
