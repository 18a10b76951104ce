package io.streamplane.benchmarks.scale;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RestoreComparisonTest {

	@Test
	void shouldPutTheCurrentSettingsFirstThenEachNamedCandidate() {
		List<RestoreComparison.Candidate> candidates = RestoreComparison.candidates(
				"fetch8m:restore.consumer.max.partition.fetch.bytes=8388608;both:num.stream.threads=2, commit.interval.ms=1000");

		assertThat(candidates).containsExactly(new RestoreComparison.Candidate("current", Map.of()),
				new RestoreComparison.Candidate("fetch8m", Map.of("restore.consumer.max.partition.fetch.bytes", "8388608")),
				new RestoreComparison.Candidate("both", Map.of("num.stream.threads", "2", "commit.interval.ms", "1000")));
	}

	@Test
	void shouldCompareOnlyTheCurrentSettingsWithoutCandidates() {
		assertThat(RestoreComparison.candidates("")).extracting(RestoreComparison.Candidate::name).containsExactly("current");
	}

	@Test
	void shouldNameTheCandidateWithoutANameOrWithABadSetting() {
		assertThatIllegalArgumentException().isThrownBy(() -> RestoreComparison.candidates("num.stream.threads=2"))
			.withMessageContaining("has no name");
		assertThatIllegalArgumentException().isThrownBy(() -> RestoreComparison.candidates("t:num.stream.threads"))
			.withMessageContaining("'num.stream.threads' in 't:num.stream.threads' is not key=value");
	}

	@Test
	void shouldTakeTheMedianOfTheRatiosToTheCurrentSettingsOfTheSameRound() {
		List<RestoreComparison.Candidate> candidates = RestoreComparison.candidates("fast:a=b");
		RestoreComparison.Candidate current = candidates.get(0);
		RestoreComparison.Candidate fast = candidates.get(1);
		List<RestoreComparison.Round> rounds = List.of(round(0, current, 4_000), round(0, fast, 2_000),
				round(1, fast, 1_000), round(1, current, 1_000), round(2, current, 3_000), round(2, fast, 2_000));

		// ratios 2.0, 1.0 and 1.5: a slow round does not weigh more than a fast one
		assertThat(RestoreComparison.medianSpeedUp(rounds, fast)).isEqualTo(1.5);
	}

	private static RestoreComparison.Round round(int round, RestoreComparison.Candidate candidate, long millis) {
		return new RestoreComparison.Round(round, candidate, new WorkerProcess.Restore(0, millis, 1_000, millis), 1.0);
	}

}
