package io.streamplane.engine.cdc.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.streamplane.engine.cdc.CdcTable;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChangeRecordsTest {

	private static final Schema KEY = SchemaBuilder.struct().field("id", Schema.INT32_SCHEMA).build();

	private static final Schema ROW = SchemaBuilder.struct()
		.optional()
		.field("id", Schema.INT32_SCHEMA)
		.field("name", Schema.OPTIONAL_STRING_SCHEMA)
		.field("price", Decimal.builder(2).optional().build())
		.field("at", SchemaBuilder.int64().name("io.debezium.time.MicroTimestamp").optional().build())
		.field("day", SchemaBuilder.int32().name("io.debezium.time.Date").optional().build())
		.field("ok", Schema.OPTIONAL_BOOLEAN_SCHEMA)
		.field("blob", Schema.OPTIONAL_BYTES_SCHEMA)
		.build();

	private static final Schema SOURCE = SchemaBuilder.struct()
		.field("lsn", Schema.OPTIONAL_INT64_SCHEMA)
		.field("ts_ms", Schema.INT64_SCHEMA)
		.build();

	private static final Schema ENVELOPE = SchemaBuilder.struct()
		.field("before", ROW)
		.field("after", ROW)
		.field("source", SOURCE)
		.field("op", Schema.STRING_SCHEMA)
		.build();

	private final ChangeRecords records = new ChangeRecords(CdcTable.parse("public.items"));

	@Test
	void shouldWriteInsertsAsKeyAndRowWithTypedJsonValues() {
		ProducerRecord<String, String> record = records.toRecord(change("c", null, row(7, "pen"))).orElseThrow();
		assertThat(record.topic()).isEqualTo("sp.cdc.public.items");
		assertThat(record.key()).isEqualTo("{\"id\":7}");
		assertThat(record.value()).isEqualTo("{\"id\":7,\"name\":\"pen\",\"price\":12.50,"
				+ "\"at\":\"2026-01-02T03:04:05.000006Z\",\"day\":\"2026-01-02\",\"ok\":true,\"blob\":\"AQI=\"}");
		assertThat(header(record, ChangeRecords.OP_HEADER)).isEqualTo("c");
		assertThat(header(record, ChangeRecords.LSN_HEADER)).isEqualTo("42");
		assertThat(header(record, ChangeRecords.COMMIT_HEADER)).isEqualTo("1767323045000");
		assertThat(record.timestamp()).isEqualTo(1_767_323_045_000L);
	}

	@Test
	void shouldTakeUnchangedToastedValuesFromTheRowBefore() {
		Struct after = row(7, ChangeRecords.UNAVAILABLE)
			.put("blob", ChangeRecords.UNAVAILABLE.getBytes(StandardCharsets.UTF_8));
		ProducerRecord<String, String> record = records.toRecord(change("u", row(7, "long text"), after))
			.orElseThrow();
		assertThat(record.value()).contains("\"name\":\"long text\"").contains("\"blob\":\"AQI=\"");
	}

	@Test
	void shouldWriteDeletesAsTombstones() {
		ProducerRecord<String, String> record = records.toRecord(change("d", row(7, "pen"), null)).orElseThrow();
		assertThat(record.key()).isEqualTo("{\"id\":7}");
		assertThat(record.value()).isNull();
		assertThat(header(record, ChangeRecords.OP_HEADER)).isEqualTo("d");
	}

	@Test
	void shouldSkipHeartbeats() {
		Schema heartbeat = SchemaBuilder.struct().field("ts_ms", Schema.INT64_SCHEMA).build();
		SourceRecord record = new SourceRecord(Map.of(), Map.of(), "__debezium-heartbeat.x", heartbeat,
				new Struct(heartbeat).put("ts_ms", 1L));
		assertThat(records.toRecord(record)).isEmpty();
	}

	private static Struct row(int id, String name) {
		return new Struct(ROW).put("id", id)
			.put("name", name)
			.put("price", new BigDecimal("12.50"))
			.put("at", 1_767_323_045_000_006L)
			.put("day", 20_455)
			.put("ok", true)
			.put("blob", new byte[] { 1, 2 });
	}

	private static SourceRecord change(String op, Struct before, Struct after) {
		Struct envelope = new Struct(ENVELOPE).put("before", before)
			.put("after", after)
			.put("source", new Struct(SOURCE).put("lsn", 42L).put("ts_ms", 1_767_323_045_000L))
			.put("op", op);
		Struct key = new Struct(KEY).put("id", 7);
		return new SourceRecord(Map.of(), Map.of(), "x.public.items", KEY, key, ENVELOPE, envelope);
	}

	private static String header(ProducerRecord<String, String> record, String name) {
		return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
	}

}
