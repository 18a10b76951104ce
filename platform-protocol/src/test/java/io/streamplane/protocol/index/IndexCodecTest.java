package io.streamplane.protocol.index;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IndexCodecTest {

	@Test
	void shouldRoundTripAnUpsertWithItsKeyInTableOrder() {
		Map<String, Object> key = new LinkedHashMap<>();
		key.put("tenant", "acme");
		key.put("doc_id", 7);
		IndexChange upsert = new IndexChange.Upsert(key, "Kafka Streams", Map.of("category", "streaming"));

		byte[] keyBytes = IndexCodec.key(upsert);

		assertThat(new String(keyBytes, StandardCharsets.UTF_8)).isEqualTo("{\"tenant\":\"acme\",\"doc_id\":7}");
		assertThat(IndexCodec.read(keyBytes, IndexCodec.value(upsert))).isEqualTo(upsert);
	}

	@Test
	void shouldWriteADeleteAsATombstone() {
		IndexChange delete = new IndexChange.Delete(Map.of("doc_id", 2));

		assertThat(IndexCodec.value(delete)).isNull();
		assertThat(IndexCodec.read(IndexCodec.key(delete), null)).isEqualTo(delete);
	}

	@Test
	void shouldRejectKeysThatAreNotObjectsOfScalars() {
		assertThatThrownBy(() -> IndexCodec.read("[1]".getBytes(StandardCharsets.UTF_8), null))
				.isInstanceOf(IndexFormatException.class).hasMessageContaining("non-empty JSON object");
		assertThatThrownBy(() -> IndexCodec.read("{\"id\":{\"a\":1}}".getBytes(StandardCharsets.UTF_8), null))
				.isInstanceOf(IndexFormatException.class).hasMessageContaining("'id'");
		assertThatThrownBy(() -> IndexCodec.read(null, null))
				.isInstanceOf(IndexFormatException.class).hasMessageContaining("needs a key");
	}

	@Test
	void shouldRejectAnUpsertWithoutText() {
		assertThatThrownBy(() -> IndexCodec.read("{\"id\":1}".getBytes(StandardCharsets.UTF_8),
				"{\"metadata\":{}}".getBytes(StandardCharsets.UTF_8)))
				.isInstanceOf(IndexFormatException.class).hasMessageContaining("no \"text\"");
	}

}
