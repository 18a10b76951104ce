package io.streamplane.benchmarks.groupby;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;

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
		Random random = new Random(seed);
		try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
				ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
				ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
				ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1))) {
			for (long i = 0; i < changes; i++) {
				long id = i < rows ? i : random.nextInt(rows);
				boolean delete = i >= rows && random.nextInt(10) == 0;
				Order order = new Order(id, "r" + random.nextInt(regions), random.nextInt(1000));
				producer.send(new ProducerRecord<>(ORDERS, key(id), delete ? null : Json.write(order)));
			}
			producer.send(new ProducerRecord<>(ORDERS, key(-1), Json.write(new Order(-1, SENTINEL_REGION, 0))));
			producer.flush();
		}
		return changes + 1;
	}

	private static byte[] key(long id) {
		return Long.toString(id).getBytes(StandardCharsets.UTF_8);
	}

}
