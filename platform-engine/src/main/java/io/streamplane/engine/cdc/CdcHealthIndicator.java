package io.streamplane.engine.cdc;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Health of PostgreSQL change data capture ({@code cdc}): down when a demanded table's capture
 * has {@link CdcTableStatus.State#FAILED failed}, up otherwise; details: whether this instance is
 * the leader and, per table, its state, slot lag in bytes (leader only), changes written and last
 * error.
 */
public final class CdcHealthIndicator implements HealthIndicator {

	private final CdcCapture capture;

	public CdcHealthIndicator(CdcCapture capture) {
		this.capture = capture;
	}

	@Override
	public Health health() {
		Map<String, Object> tables = new LinkedHashMap<>();
		boolean failed = false;
		for (CdcTableStatus status : capture.status()) {
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("state", status.state().name());
			status.slotLagBytes().ifPresent(lag -> details.put("slotLagBytes", lag));
			details.put("changes", status.changes());
			status.error().ifPresent(error -> details.put("error", error));
			tables.put(status.table().qualifiedName(), details);
			failed |= status.state() == CdcTableStatus.State.FAILED;
		}
		return (failed ? Health.down() : Health.up()).withDetail("leader", capture.isLeader())
			.withDetail("tables", tables)
			.build();
	}

}
