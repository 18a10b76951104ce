package io.streamplane.engine.cdc.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.streamplane.engine.cdc.CdcTable;

/**
 * CDC metrics: {@code streamplane.cdc.leader} (1 on the capturing instance),
 * {@code streamplane.cdc.slot.lag} (bytes of WAL a table's slot retains; NaN where unknown: not
 * the leader) and {@code streamplane.cdc.changes} (change records written), tagged {@code table}
 * and {@code slot}.
 */
final class CdcMeters {

	private final MeterRegistry registry;

	private final Map<String, Long> lag;

	private final Map<CdcTable, List<Meter>> meters = new ConcurrentHashMap<>();

	CdcMeters(MeterRegistry registry, BooleanSupplier leader, Map<String, Long> lag, Map<CdcTable, AtomicLong> changes) {
		this.registry = registry;
		this.lag = lag;
		Gauge.builder("streamplane.cdc.leader", () -> leader.getAsBoolean() ? 1 : 0)
			.description("1 on the engine instance that captures PostgreSQL changes")
			.register(registry);
	}

	void add(CdcTable table, AtomicLong changes) {
		meters.computeIfAbsent(table, t -> {
			Tags tags = Tags.of("table", t.qualifiedName(), "slot", t.slotName());
			List<Meter> added = new ArrayList<>();
			added.add(Gauge.builder("streamplane.cdc.slot.lag", lag, l -> bytes(l.get(t.slotName())))
				.tags(tags)
				.baseUnit("bytes")
				.description("WAL retained by the table's replication slot beyond its confirmed position")
				.register(registry));
			added.add(FunctionCounter.builder("streamplane.cdc.changes", changes, AtomicLong::get)
				.tags(tags)
				.description("change records written to the table's topic")
				.register(registry));
			return added;
		});
	}

	private static double bytes(Long lag) {
		return lag == null ? Double.NaN : lag;
	}

	void remove(CdcTable table) {
		List<Meter> removed = meters.remove(table);
		if (removed != null) {
			removed.forEach(registry::remove);
		}
	}

}
