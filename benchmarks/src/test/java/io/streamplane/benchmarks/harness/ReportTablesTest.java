package io.streamplane.benchmarks.harness;

import io.streamplane.benchmarks.harness.Results.Case;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReportTablesTest {

	private static final Case A = new Case(new Letter("a"), "at_least_once");

	private static final Case B = new Case(new Letter("b"), "at_least_once");

	@Test
	void shouldCompareMediansAndEachRound() {
		Results results = new Results();
		results.measured(A, run(90));
		results.measured(B, run(100));
		results.measured(A, run(120));
		results.measured(B, run(100));
		results.measured(A, run(30));
		results.measured(B, run(200));

		assertThat(results.median(A)).hasValue(90.0);
		assertThat(ReportTables.ratio(results, A, B)).isEqualTo("0.90");
		assertThat(ReportTables.paired(results, A, B)).isEqualTo("0.90, 1.20, 0.15");
	}

	@Test
	void shouldSayNotApplicableForACaseThatWasNotMeasured() {
		Results results = new Results();
		results.measured(B, run(100));
		results.failed(A, "IllegalStateException: boom");

		assertThat(ReportTables.ratio(results, A, B)).isEqualTo("n/a");
		assertThat(ReportTables.paired(results, A, B)).isEqualTo("n/a");
	}

	@Test
	void shouldListEveryCaseWithItsRunsOrWhyItIsMissing() {
		Results results = new Results();
		results.measured(B, new Throughput(1_000, 1_000_000_000L, 1_000, 0));
		results.measured(B, new Throughput(1_000, 500_000_000L, 1_000, 0));
		results.failed(A, "IllegalStateException: boom");
		StringBuilder out = new StringBuilder();

		ReportTables.throughput(out, results, "dropped records");

		assertThat(out.toString()).contains("| (b) letter b | at_least_once | 1,500 | 1,000, 2,000 | 1,000 | 0 |")
			.contains("| (a) letter a | at_least_once | not measured | `IllegalStateException: boom` |")
			.contains("| dropped records |");
	}

	private static Throughput run(double perSecond) {
		return new Throughput((long) perSecond, 1_000_000_000L, 0, 0);
	}

	private record Letter(String letter) implements Variant {

		@Override
		public String description() {
			return "letter " + letter;
		}

	}

}
