package io.streamplane.benchmarks.harness;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The JSON codec every variant uses: one Jackson mapper, records bound by their components. */
public final class Json {

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private Json() {
	}

	public static byte[] write(Object value) {
		return MAPPER.writeValueAsBytes(value);
	}

	public static <T> T read(byte[] json, Class<T> type) {
		return MAPPER.readValue(json, type);
	}

	/** A Kafka serde for {@code type}; {@code null} stays {@code null} both ways. */
	public static <T> Serde<T> serde(Class<T> type) {
		return Serdes.serdeFrom((topic, value) -> value == null ? null : write(value),
				(topic, bytes) -> bytes == null ? null : read(bytes, type));
	}

}
