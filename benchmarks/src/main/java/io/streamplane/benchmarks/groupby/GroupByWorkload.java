package io.streamplane.benchmarks.groupby;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import java.util.function.BiConsumer;

import io.streamplane.benchmarks.harness.Json;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The group-by workload: {@code rows} orders inserted, each in one of {@code regions} regions,
 * then changes drawn uniformly over them up to {@code changes} in all: nine in ten move an order to
 * a random region with a new amount (re-inserting it if it was deleted), one in ten deletes it.
 * Then the sentinel row, whose group marks the end of a run ({@link SentinelRun}).
 */
final class GroupByWorkload {

	/** The orders table's topic, read by both variants. */
	static final String ORDERS = "groupby-orders";

	/** The sentinel's region; it sorts after every other region. */
	static final String SENTINEL_REGION = "~end";

	private GroupByWorkload() {
	}

	/** Writes the changes and the sentinel, and waits for every acknowledgement; the number of records written. */
	static long load(String bootstrapServers, long changes, int rows, int regions, long seed) {
		try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
				ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
				ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
				ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1))) {
			generate(changes, rows, regions, seed, (key, value) -> producer.send(new ProducerRecord<>(ORDERS, key, value)));
			producer.flush();
		}
		return changes + 1;
	}

	/** Hands each change, then the sentinel, to {@code records} as record key and value ({@code null}: a delete). */
	static void generate(long changes, int rows, int regions, long seed, BiConsumer<byte[], byte[]> records) {
		Random random = new Random(seed);
		for (long i = 0; i < changes; i++) {
			long id = i < rows ? i : random.nextInt(rows);
			boolean delete = i >= rows && random.nextInt(10) == 0;
			Order order = new Order(id, "r" + random.nextInt(regions), random.nextInt(1000));
			records.accept(key(id), delete ? null : Json.write(order));
		}
		records.accept(key(-1), Json.write(new Order(-1, SENTINEL_REGION, 0)));
	}

	private static byte[] key(long id) {
		return Long.toString(id).getBytes(StandardCharsets.UTF_8);
	}

}
