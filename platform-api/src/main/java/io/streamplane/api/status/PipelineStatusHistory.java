package io.streamplane.api.status;

import java.time.Duration;
import java.util.List;

/**
 * A pipeline's recent status totals, oldest first, as this control-plane replica sampled them since it
 * started.
 *
 * @param name the pipeline
 * @param sampleInterval the time between two samples
 * @param samples at most {@link StatusHistory#SAMPLES} samples, oldest first; none before the first report
 */
public record PipelineStatusHistory(String name, Duration sampleInterval, List<StatusSample> samples) {

	public PipelineStatusHistory {
		samples = List.copyOf(samples);
	}

}
