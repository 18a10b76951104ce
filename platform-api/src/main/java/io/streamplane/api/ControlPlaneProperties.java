package io.streamplane.api;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of the control-plane role ({@code streamplane.control-plane.*}).
 *
 * @param maxRequestSize largest request body accepted by the REST API; larger bodies get 413
 * @param reconcileInterval how often every pipeline's desired state is re-published to
 * {@code sp.pipelines}, so engines converge even after a lost message
 * @param statusStaleAfter an engine instance that has not reported for this long is shown as
 * {@code STALE} in pipeline status
 * @param statusExpireAfter an engine instance that has not reported for this long is left out of
 * pipeline status altogether (it is gone); longer than {@code statusStaleAfter}
 * @param maxPageSize largest page size {@code GET /api/v1/pipelines} accepts
 * @param preview the budgets of {@code POST /api/v1/preview}
 */
@Validated
@ConfigurationProperties("streamplane.control-plane")
public record ControlPlaneProperties(@NotNull @DefaultValue("1MB") DataSize maxRequestSize,
		@NotNull @DefaultValue("30s") Duration reconcileInterval, @NotNull @DefaultValue("30s") Duration statusStaleAfter,
		@NotNull @DefaultValue("5m") Duration statusExpireAfter, @Min(1) @Max(1000) @DefaultValue("100") int maxPageSize,
		@NotNull @Valid @DefaultValue Preview preview) {

	/**
	 * The budgets of previews ({@code streamplane.control-plane.preview.*}). Previews run on a pool of
	 * their own, never on the web server's threads; a preview that spends a budget is stopped and
	 * answered with a 422 problem naming the budget's property.
	 *
	 * @param threads previews that run at once
	 * @param queue previews that wait for a thread; beyond them a request gets 503 at once
	 * @param timeout the longest a preview may take, waiting for a thread included
	 * @param maxSteps the most records the pipeline's steps may process in one preview, summed over every
	 * step (an input through five steps is five); bounds a record that fans out
	 * @param maxOutputRecords the most records one preview may write to outputs and dead letters together
	 * @param maxOutputSize the most bytes of keys and values one preview may write to outputs and dead letters
	 */
	public record Preview(@Min(1) @Max(64) @DefaultValue("2") int threads, @Min(0) @Max(1000) @DefaultValue("4") int queue,
			@NotNull @DefaultValue("10s") Duration timeout, @Min(1) @DefaultValue("1000000") long maxSteps,
			@Min(1) @DefaultValue("10000") int maxOutputRecords, @NotNull @DefaultValue("4MB") DataSize maxOutputSize) {

		@AssertTrue(message = "must be between 100ms and 10m, e.g. 10s")
		boolean isTimeoutInRange() {
			return timeout == null || (timeout.compareTo(Duration.ofMillis(100)) >= 0
					&& timeout.compareTo(Duration.ofMinutes(10)) <= 0);
		}

		@AssertTrue(message = "must be at least 1KB, e.g. 4MB")
		boolean isMaxOutputSizeInRange() {
			return maxOutputSize == null || maxOutputSize.toBytes() >= 1024;
		}

	}

	@AssertTrue(message = "must be between 1KB and 64MB, e.g. 1MB")
	boolean isMaxRequestSizeInRange() {
		return maxRequestSize == null
				|| (maxRequestSize.toBytes() >= 1024 && maxRequestSize.toBytes() <= DataSize.ofMegabytes(64).toBytes());
	}

	@AssertTrue(message = "status-expire-after must be longer than status-stale-after, e.g. 5m and 30s")
	boolean isStatusExpiryAfterStaleness() {
		return statusStaleAfter == null || statusExpireAfter == null
				|| statusExpireAfter.compareTo(statusStaleAfter) > 0;
	}

	@AssertTrue(message = "must be at least 1s, e.g. 30s")
	boolean isReconcileIntervalPositive() {
		return reconcileInterval == null || reconcileInterval.compareTo(Duration.ofSeconds(1)) >= 0;
	}

}
