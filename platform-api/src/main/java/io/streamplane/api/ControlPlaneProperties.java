package io.streamplane.api;

import java.time.Duration;

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
 */
@Validated
@ConfigurationProperties("streamplane.control-plane")
public record ControlPlaneProperties(@NotNull @DefaultValue("1MB") DataSize maxRequestSize,
		@NotNull @DefaultValue("30s") Duration reconcileInterval, @NotNull @DefaultValue("30s") Duration statusStaleAfter,
		@NotNull @DefaultValue("5m") Duration statusExpireAfter, @Min(1) @Max(1000) @DefaultValue("100") int maxPageSize) {

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
