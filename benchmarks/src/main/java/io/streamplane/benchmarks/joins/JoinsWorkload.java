package io.streamplane.benchmarks.joins;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;

import io.streamplane.benchmarks.harness.Json;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The enrichment workload and its topics: a users table, then a stream of page views keyed by a
 * user drawn uniformly, every one of which has a row. Both topics are keyed by the user id as
 * text and have the same partitions, so they are co-partitioned. The users are written first, so
 * their record timestamps precede every page view's. The topic names are those of the specs in
 * {@code src/main/resources/joins}.
 */
final class JoinsWorkload {

	/** The page views, read by every variant. */
	static final String VIEWS = "page-views";

	/** The users table's topic, read by every variant. */
	static final String USERS = "users";

	/** Variant (a)'s spec: the lookup join. */
	static final String SPEC_LOOKUP = "joins/enrich-lookup.yaml";

	/** Variant (c)'s spec: the reactive join. */
	static final String SPEC_REACTIVE = "joins/enrich-reactive.yaml";

	/** Variant (e)'s spec: the reactive join {@code on: key}, as (a) joins. */
	static final String SPEC_REACTIVE_ON_KEY = "joins/enrich-reactive-key.yaml";

	/** The CDC latency run's spec: the reactive join with a PostgreSQL CDC table. */
	static final String SPEC_CDC = "joins/enrich-cdc.yaml";

	private static final String[] PLANS = { "free", "pro", "team" };

	private static final String[] COUNTRIES = { "de", "fr", "us", "jp", "br", "in" };

	private JoinsWorkload() {
	}

	/** User {@code id}'s row. */
	static User user(long id) {
		return new User(id, "user-" + id, PLANS[(int) (id % PLANS.length)], COUNTRIES[(int) (id % COUNTRIES.length)]);
	}

	/** The {@code index}-th page view, its user drawn with {@code random} from {@code users} users. */
	static PageView view(long index, long users, Random random, long ts) {
		return new PageView(index, random.nextLong(users), "/docs/" + random.nextInt(100), ts);
	}

	/** Writes {@code options.users()} rows, then {@code options.events()} page views, and waits for every acknowledgement. */
	static void load(String bootstrapServers, JoinsOptions options) {
		Random random = new Random(options.seed());
		try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config(bootstrapServers))) {
			for (long id = 0; id < options.users(); id++) {
				producer.send(new ProducerRecord<>(USERS, key(id), Json.write(user(id))));
			}
			producer.flush();
			long ts = System.currentTimeMillis();
			for (long i = 0; i < options.events(); i++) {
				PageView view = view(i, options.users(), random, ts + i / 1_000);
				producer.send(new ProducerRecord<>(VIEWS, key(view.userId()), Json.write(view)));
			}
			producer.flush();
		}
	}

	/** The Kafka record key of user {@code id}'s records: the id as text. */
	static byte[] key(long id) {
		return Long.toString(id).getBytes(StandardCharsets.UTF_8);
	}

	/** The producer settings of every load: large batches, acknowledged in order. */
	static Map<String, Object> config(String bootstrapServers) {
		return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
				ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
				ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
	}

}
