package io.streamplane.app.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

import io.streamplane.app.standalone.StandaloneInfrastructure;
import io.streamplane.app.standalone.StandaloneInfrastructure.Component;
import io.streamplane.app.standalone.StandaloneProperties;
import io.streamplane.app.testing.AcknowledgedSends;
import io.streamplane.app.testing.TestInfrastructure;
import io.streamplane.protocol.DesiredState;
import io.streamplane.protocol.PipelineState;
import io.streamplane.protocol.Topics;
import io.streamplane.protocol.WritableTopics;
import io.streamplane.spec.SpecFormat;
import io.streamplane.spec.SpecReader;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Kafka broker of a test's own, for tests whose engine processes must not meet the engines of
 * other tests' application contexts in this JVM (those follow the shared broker's
 * {@link Topics#PIPELINES} and would join any pipeline published there). With the control topics,
 * and the desired state of a pipeline published as the control plane would.
 */
final class OwnBroker implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final StandaloneInfrastructure infrastructure;

	private final String bootstrapServers;

	private OwnBroker(StandaloneInfrastructure infrastructure) {
		this.infrastructure = infrastructure;
		this.bootstrapServers = infrastructure.kafka().orElseThrow().bootstrapServers();
	}

	/** Starts a broker in a new data directory, on free ports. */
	static OwnBroker start() {
		int[] ports = TestInfrastructure.freePorts(3);
		return new OwnBroker(StandaloneInfrastructure.start(StandaloneProperties.defaults()
			.withDataDir(TestInfrastructure.newDataDir())
			.withPorts(ports[0], ports[1], ports[2]),
				EnumSet.of(Component.KAFKA)));
	}

	String bootstrapServers() {
		return bootstrapServers;
	}

	Admin admin() {
		return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
	}

	/**
	 * Creates {@link Topics#PIPELINES}, {@link Topics#STATUS} and the given topics (one partition each when not
	 * said), and waits until they accept writes ({@link WritableTopics}).
	 */
	void createTopics(NewTopic... topics) throws ExecutionException, InterruptedException {
		List<NewTopic> all = new ArrayList<>(List.of(
				new NewTopic(Topics.PIPELINES, Optional.of(1), Optional.empty())
					.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)),
				new NewTopic(Topics.STATUS, Optional.of(1), Optional.empty())));
		all.addAll(List.of(topics));
		try (Admin admin = admin()) {
			admin.createTopics(all).all().get();
			WritableTopics.await(admin, all.stream().map(NewTopic::name).toList(), TestInfrastructure.WRITABLE);
		}
	}

	/** Publishes version 1 of the pipeline {@code yaml} as RUNNING, as the control plane would. */
	void run(String yaml) {
		var spec = new SpecReader().read(yaml, SpecFormat.YAML);
		DesiredState desired = new DesiredState(spec.spec().name(), 1, PipelineState.RUNNING, spec.document(),
				Instant.now());
		produce(List.of(new ProducerRecord<>(Topics.PIPELINES, desired.pipeline(), JSON.writeValueAsString(desired))));
	}

	/**
	 * Produces the records with an idempotent producer and waits until they are acknowledged.
	 * @throws AssertionError when any is not ({@link AcknowledgedSends})
	 */
	void produce(List<ProducerRecord<String, String>> records) {
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
				ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
				new StringSerializer(), new StringSerializer())) {
			AcknowledgedSends.sendAll(producer, records);
		}
	}

	@Override
	public void close() {
		infrastructure.close();
	}

}
