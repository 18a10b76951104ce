package io.streamplane.benchmarks.groupby;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.streamplane.benchmarks.harness.BenchmarkException;
import io.streamplane.benchmarks.harness.StreamsApp;
import io.streamplane.benchmarks.harness.Throughput;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.Topology;

/**
 * Measures a group-by over the pre-loaded table topic by its output: the run starts when the
 * application consumes its first record and ends when the output shows the group of the sentinel,
 * the last row written to the (single-partition) table topic: every change before it has then been
 * aggregated, whatever the number of output records a variant writes per change.
 */
final class SentinelRun {

	private static final Duration TIMEOUT = Duration.ofMinutes(10);

	private static final Duration POLL = Duration.ofMillis(20);

	private SentinelRun() {
	}

	static Throughput measure(String bootstrapServers, Topology topology, Properties properties, String output,
			long changes) throws InterruptedException {
		byte[] sentinel = GroupByWorkload.SENTINEL_REGION.getBytes(StandardCharsets.UTF_8);
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
				ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
				ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
				StreamsApp app = StreamsApp.start(topology, properties)) {
			List<TopicPartition> partitions = consumer.partitionsFor(output).stream()
				.map(info -> new TopicPartition(output, info.partition())).toList();
			consumer.assign(partitions);
			consumer.seekToEnd(partitions);
			partitions.forEach(consumer::position);
			long opened = System.nanoTime();
			long started = 0;
			long outputs = 0;
			while (System.nanoTime() - opened < TIMEOUT.toNanos()) {
				app.requireHealthy();
				if (started == 0 && app.recordsConsumed() > 0) {
					started = System.nanoTime();
				}
				for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
					outputs++;
					if (Arrays.equals(record.key(), sentinel)) {
						return new Throughput(changes, System.nanoTime() - started, outputs, app.recordsDropped());
					}
				}
			}
			throw new BenchmarkException(properties.getProperty("application.id") + " did not show the sentinel group on "
					+ output + " within " + TIMEOUT.toMinutes() + " minutes (" + outputs + " output records)");
		}
	}

}
