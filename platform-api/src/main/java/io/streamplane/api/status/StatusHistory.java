package io.streamplane.api.status;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.scheduling.annotation.Scheduled;

/**
 * The recent totals of every pipeline engines report on, sampled from the {@link StatusBoard} every
 * {@link #INTERVAL} and kept for {@value #SAMPLES} samples (15 minutes), for the console's throughput and
 * lag charts. About 100 bytes per sample: 1.8 MB for 100 pipelines. A pipeline no instance reports on any
 * more is forgotten.
 */
public class StatusHistory {

	/** The time between two samples. */
	public static final Duration INTERVAL = Duration.ofSeconds(5);

	/** How many samples are kept per pipeline. */
	public static final int SAMPLES = 180;

	private final StatusBoard board;

	private final Clock clock;

	private final Map<String, Deque<StatusSample>> samples = new ConcurrentHashMap<>();

	StatusHistory(StatusBoard board, Clock clock) {
		this.board = board;
		this.clock = clock;
	}

	/** Takes one sample of every pipeline on the board. */
	@Scheduled(fixedRateString = "5s", initialDelayString = "5s")
	void sample() {
		Set<String> pipelines = board.pipelines();
		samples.keySet().retainAll(pipelines);
		for (String pipeline : pipelines) {
			PipelineStatus status = PipelineStatus.of(pipeline, 0, null, board.instances(pipeline));
			PipelineStatus.Totals totals = status.totals();
			StatusSample sample = new StatusSample(clock.instant(), status.state(), totals.recordsInPerSecond(),
					totals.recordsOutPerSecond(), totals.consumerLag(), totals.lateRecords(), totals.deadLetters());
			Deque<StatusSample> kept = samples.computeIfAbsent(pipeline, name -> new ArrayDeque<>(SAMPLES));
			synchronized (kept) {
				if (kept.size() == SAMPLES) {
					kept.removeFirst();
				}
				kept.addLast(sample);
			}
		}
	}

	/** The samples of one pipeline, oldest first. */
	public PipelineStatusHistory of(String pipeline) {
		Deque<StatusSample> kept = samples.get(pipeline);
		if (kept == null) {
			return new PipelineStatusHistory(pipeline, INTERVAL, List.of());
		}
		synchronized (kept) {
			return new PipelineStatusHistory(pipeline, INTERVAL, List.copyOf(kept));
		}
	}

}
