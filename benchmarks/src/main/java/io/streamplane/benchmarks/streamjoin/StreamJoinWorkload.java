package io.streamplane.benchmarks.streamjoin;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Random;

import io.streamplane.benchmarks.harness.Json;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The workload and its topics: impressions 10 ms of event time apart, keyed by impression id,
 * and one click per impression, 1 s to 5 min after it, keyed by click id. Each record's timestamp
 * is its event time. The clicks are written in impression order, so they are out of order by up
 * to 5 minutes. Lateness is 10 minutes: the clicks reach the join through a repartition topic and,
 * on a busy machine, fall behind the impressions in event time (with 1 minute, up to 5% of the clicks
 * were more than within + lateness behind the join's stream time and were dead-lettered by (a),
 * while (b) still joined them, its window stores keeping 2 × within + grace). With 10 minutes none
 * is late and every impression is joined once. The topic names are those of the spec in
 * {@code src/main/resources/streamjoin}.
 */
final class StreamJoinWorkload {

	static final String IMPRESSIONS = "impressions";

	static final String CLICKS = "clicks";

	static final String SPEC = "streamjoin/impressions-clicks.yaml";

	static final String LEFT_SPEC = "streamjoin/impressions-clicks-left.yaml";

	static final Duration WITHIN = Duration.ofMinutes(10);

	static final Duration LATENESS = Duration.ofMinutes(10);

	private static final String[] ADS = { "shoes", "hats", "bags", "socks", "coats" };

	private static final long SPACING_MS = 10;

	private static final long MAX_DELAY_MS = Duration.ofMinutes(5).toMillis();

	private StreamJoinWorkload() {
	}

	/** Writes the impressions, then the clicks, and waits for every acknowledgement. */
	static void load(String bootstrapServers, StreamJoinOptions options) {
		Random random = new Random(options.seed());
		long start = System.currentTimeMillis() - options.impressions() * SPACING_MS - Duration.ofHours(1).toMillis();
		try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config(bootstrapServers))) {
			for (long i = 0; i < options.impressions(); i++) {
				Impression impression = new Impression("i" + i, ADS[random.nextInt(ADS.length)], start + i * SPACING_MS);
				producer.send(new ProducerRecord<>(IMPRESSIONS, null, impression.ts(), utf8(impression.impressionId()),
						Json.write(impression)));
			}
			for (long i = 0; i < options.impressions(); i++) {
				Click click = new Click("c" + i, "i" + i, start + i * SPACING_MS + 1_000 + random.nextLong(MAX_DELAY_MS));
				producer.send(new ProducerRecord<>(CLICKS, null, click.ts(), utf8(click.clickId()), Json.write(click)));
			}
			producer.flush();
		}
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static Map<String, Object> config(String bootstrapServers) {
		return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
				ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
				ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
	}

}
