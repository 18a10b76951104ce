package io.streamplane.engine.runtime;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of the engine role ({@code streamplane.engine.*}).
 *
 * @param instanceId identifies this engine instance in status reports and Kafka client ids;
 * letters, digits, '.', '_' and '-'; {@code null} when unset: the engine then uses the one kept in
 * {@code <state-dir>/instance-id} ({@link EngineIdentity})
 * @param stateDir directory of the Kafka Streams local state (RocksDB stores, checkpoints) of every
 * pipeline this instance runs, one sub-directory per application id; must not be shared by two
 * running instances; relative paths resolve against the working directory
 * @param statusInterval how often each pipeline's status is sent to {@code sp.status}; also how
 * often a pipeline waiting for its input topics checks again
 * @param restart how failed pipelines are restarted
 * @param numStreamThreads Kafka Streams {@code num.stream.threads} of every pipeline
 * @param commitInterval Kafka Streams {@code commit.interval.ms}; empty keeps the Kafka Streams
 * default (100 ms with exactly-once, 30 s with at-least-once)
 * @param replicationFactor replication factor of internal (changelog, repartition), output and
 * dead-letter topics; {@code -1} uses the broker's default
 * @param standbyReplicas Kafka Streams {@code num.standby.replicas}: warm copies of each state store
 * kept on other instances for fast fail-over
 * @param closeTimeout how long stopping a pipeline waits for its stream threads to finish
 */
@Validated
@ConfigurationProperties(EngineProperties.PREFIX)
public record EngineProperties(
		@Pattern(regexp = "[A-Za-z0-9._-]{1,100}",
				message = "must be 1 to 100 letters, digits, '.', '_' or '-', e.g. engine-1") String instanceId,
		@NotNull @DefaultValue("./data/engine") Path stateDir, @NotNull @DefaultValue("5s") Duration statusInterval,
		@NotNull @Valid @DefaultValue Restart restart, @Min(1) @Max(64) @DefaultValue("1") int numStreamThreads,
		Optional<Duration> commitInterval, @Min(-1) @Max(32) @DefaultValue("-1") int replicationFactor,
		@Min(0) @Max(32) @DefaultValue("0") int standbyReplicas, @NotNull @DefaultValue("30s") Duration closeTimeout) {

	/** The prefix of every engine property. */
	public static final String PREFIX = "streamplane.engine";

	public EngineProperties {
		instanceId = (instanceId == null || instanceId.isBlank()) ? null : instanceId;
		commitInterval = commitInterval == null ? Optional.empty() : commitInterval;
	}

	/** A copy with this instance id. */
	public EngineProperties withInstanceId(String id) {
		return new EngineProperties(id, stateDir, statusInterval, restart, numStreamThreads, commitInterval,
				replicationFactor, standbyReplicas, closeTimeout);
	}

	@AssertTrue(message = "must be at least 100ms, e.g. 5s")
	boolean isStatusIntervalValid() {
		return statusInterval == null || statusInterval.toMillis() >= 100;
	}

	@AssertTrue(message = "must be positive, e.g. 100ms, or left unset for the Kafka Streams default")
	boolean isCommitIntervalValid() {
		return commitInterval.map(interval -> interval.toMillis() > 0).orElse(true);
	}

	@AssertTrue(message = "must be 1 or more, or -1 for the broker default")
	boolean isReplicationFactorValid() {
		return replicationFactor != 0;
	}

	/**
	 * How a pipeline that fails is restarted: after {@code initialBackoff}, doubling up to
	 * {@code maxBackoff}; after {@code maxAttempts} consecutive failures it stays {@code FAILED}
	 * until its desired state changes. A run that stays up for {@code maxBackoff} resets the count.
	 *
	 * @param initialBackoff the wait before the first restart
	 * @param maxBackoff the longest wait between restarts
	 * @param maxAttempts restarts tried before the pipeline stays {@code FAILED}
	 */
	public record Restart(@NotNull @DefaultValue("1s") Duration initialBackoff,
			@NotNull @DefaultValue("60s") Duration maxBackoff, @Min(0) @Max(1000) @DefaultValue("5") int maxAttempts) {

		@AssertTrue(message = "initial-backoff must be positive and not longer than max-backoff, e.g. 1s and 60s")
		boolean isBackoffValid() {
			return initialBackoff == null || maxBackoff == null
					|| (initialBackoff.toMillis() > 0 && initialBackoff.compareTo(maxBackoff) <= 0);
		}

		/** The wait before restart number {@code attempt} (1 for the first). */
		public Duration backoff(int attempt) {
			long factor = 1L << Math.min(Math.max(attempt - 1, 0), 30);
			Duration delay = initialBackoff.multipliedBy(factor);
			return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
		}

	}

}
