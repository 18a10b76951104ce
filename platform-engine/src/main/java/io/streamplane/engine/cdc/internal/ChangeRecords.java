package io.streamplane.engine.cdc.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

import io.streamplane.engine.cdc.CdcTable;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns one Debezium change event of a table into the record of its CDC topic: key = the
 * primary-key columns (the whole row for a table without one), value = the row after the change
 * or {@code null} for a delete, headers {@code sp.cdc.op}, {@code sp.cdc.lsn} and
 * {@code sp.cdc.commit-ms}, and the commit time as the record timestamp (so the index topics fed from it
 * carry it on, and freshness is measured from the commit). A column that Debezium could not read (an unchanged TOASTed value,
 * {@value #UNAVAILABLE}) takes its value from the row before the change, which REPLICA IDENTITY
 * FULL provides.
 */
final class ChangeRecords {

	/** Debezium's placeholder for an unchanged TOASTed column ({@code unavailable.value.placeholder}). */
	static final String UNAVAILABLE = "__debezium_unavailable_value";

	private static final byte[] UNAVAILABLE_BYTES = UNAVAILABLE.getBytes(StandardCharsets.UTF_8);

	/** The operation header: {@code r}, {@code c}, {@code u} or {@code d}. */
	static final String OP_HEADER = "sp.cdc.op";

	/** The WAL position header, decimal. */
	static final String LSN_HEADER = "sp.cdc.lsn";

	/** The commit time header, epoch milliseconds. */
	static final String COMMIT_HEADER = "sp.cdc.commit-ms";

	private final CdcTable table;

	ChangeRecords(CdcTable table) {
		this.table = table;
	}

	/** The topic record of a change event, or empty for heartbeats and other non-change records. */
	Optional<ProducerRecord<String, String>> toRecord(SourceRecord change) {
		if (!(change.value() instanceof Struct envelope) || envelope.schema().field("op") == null) {
			return Optional.empty();
		}
		String op = envelope.getString("op");
		Struct before = envelope.getStruct("before");
		Struct after = envelope.getStruct("after");
		Struct row = "d".equals(op) ? before : after;
		if (row == null) {
			return Optional.empty();
		}
		String key = ConnectJson.object(change.key() instanceof Struct pk ? pk : row).toString();
		String value = "d".equals(op) ? null : withToastedValues(after, before).toString();
		Struct source = envelope.getStruct("source");
		ProducerRecord<String, String> record = new ProducerRecord<>(table.topic(), null, commitTime(source), key, value);
		record.headers().add(OP_HEADER, op.getBytes(StandardCharsets.UTF_8));
		if (source != null) {
			header(record, LSN_HEADER, source, "lsn");
			header(record, COMMIT_HEADER, source, "ts_ms");
		}
		return Optional.of(record);
	}

	/** The commit time of the change in epoch milliseconds, or {@code null} (the producer's clock) if unknown. */
	private static Long commitTime(Struct source) {
		boolean known = source != null && source.schema().field("ts_ms") != null && source.get("ts_ms") != null;
		return known ? source.getInt64("ts_ms") : null;
	}

	private static ObjectNode withToastedValues(Struct after, Struct before) {
		ObjectNode node = ConnectJson.object(after);
		for (Field field : after.schema().fields()) {
			if (isUnavailable(after.get(field))) {
				node.set(field.name(), before == null ? node.nullNode()
						: ConnectJson.value(field.schema(), before.get(field.name())));
			}
		}
		return node;
	}

	private static boolean isUnavailable(Object value) {
		return switch (value) {
			case String text -> UNAVAILABLE.equals(text);
			case byte[] bytes -> Arrays.equals(UNAVAILABLE_BYTES, bytes);
			case ByteBuffer buffer -> buffer.equals(ByteBuffer.wrap(UNAVAILABLE_BYTES));
			case null, default -> false;
		};
	}

	private static void header(ProducerRecord<String, String> record, String name, Struct source, String field) {
		if (source.schema().field(field) != null && source.get(field) != null) {
			record.headers().add(name, String.valueOf(source.get(field)).getBytes(StandardCharsets.UTF_8));
		}
	}

}
