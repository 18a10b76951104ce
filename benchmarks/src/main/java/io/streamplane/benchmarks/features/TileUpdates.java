package io.streamplane.benchmarks.features;

import java.util.Map;
import java.util.SplittableRandom;

import io.streamplane.protocol.tiles.Tile;
import io.streamplane.protocol.tiles.TileCodec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Produces tile updates to the view's tile topic, as the engine would: each update rewrites the current tile
 * of a random entity, and event time moves one tile ahead every {@value #UPDATES_PER_TILE} updates, so the
 * store keeps gaining new tiles and the server keeps pruning the ones past retention.
 */
final class TileUpdates {

	static final int UPDATES_PER_TILE = 100_000;

	private TileUpdates() {
	}

	/** Sends {@code updates} tile records for entities {@code [0, entities)}, tiles from {@code startMs} on. */
	static void produce(String bootstrapServers, long updates, int entities, long startMs, long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		long firstTile = startMs - startMs % BenchView.TILE_MS;
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.LINGER_MS_CONFIG, 20,
						ProducerConfig.BATCH_SIZE_CONFIG, 262_144, ProducerConfig.ACKS_CONFIG, "1"),
				new StringSerializer(), new ByteArraySerializer())) {
			for (long i = 0; i < updates; i++) {
				long tileStart = firstTile + (i / UPDATES_PER_TILE) * BenchView.TILE_MS;
				Tile tile = BenchView.tile(BenchView.entity(random.nextInt(entities)), tileStart, random);
				producer.send(new ProducerRecord<>(BenchView.TOPIC, tile.entity(), TileCodec.toJson(tile)));
			}
			producer.flush();
		}
	}

}
