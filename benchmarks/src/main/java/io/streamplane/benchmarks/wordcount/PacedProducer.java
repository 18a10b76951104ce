package io.streamplane.benchmarks.wordcount;

import java.time.Duration;
import java.util.Random;
import java.util.concurrent.locks.LockSupport;

import io.streamplane.benchmarks.harness.Json;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Sends words at a fixed rate for a fixed time, each with the wall-clock send time as its event
 * time, and logs every send for {@link LatencyJoin}. If the broker cannot keep up the producer
 * falls behind its schedule rather than dropping words.
 */
final class PacedProducer {

	private PacedProducer() {
	}

	static SendLog run(String bootstrapServers, String topic, double perSecond, Duration duration,
			Dictionary dictionary, Random random) {
		SendLog log = new SendLog();
		long total = (long) (perSecond * duration.toNanos() / 1e9);
		try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(InputLoader.config(bootstrapServers))) {
			long started = System.nanoTime();
			for (long i = 0; i < total; i++) {
				long due = started + (long) (i * 1e9 / perSecond);
				long early = due - System.nanoTime();
				if (early > 0) {
					LockSupport.parkNanos(early);
				}
				String word = dictionary.pick(random);
				long now = System.currentTimeMillis();
				producer.send(new ProducerRecord<>(topic, Json.write(new WordEvent(now, word))));
				log.sent(word, now);
			}
			producer.flush();
		}
		return log;
	}

}
