package io.streamplane.engine.compile.internal.window;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import io.streamplane.engine.compile.internal.value.Origin;
import io.streamplane.engine.compile.internal.value.Row;
import io.streamplane.spec.AggregateFunction;
import io.streamplane.spec.Aggregation;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.TimestampedWindowStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14: {@link WindowUpdates} keeps the window states it wrote in memory. Whether a state comes from memory or
 * from the store must not change a single emitted count, and a store that changed under the processor (restored
 * from its changelog) must be read again once the processor is initialised again.
 */
class WindowUpdatesMemoryTest {

	/** Kafka Streams' state of this test's drivers, not the shared default under /tmp/kafka-streams. */
	@TempDir
	Path stateDir;

	private static final TimeWindows WINDOWS = TimeWindows.ofSizeAndGrace(Duration.ofSeconds(10),
			Duration.ofSeconds(5));

	private static final List<Aggregation> AGGREGATIONS = List
		.of(new Aggregation("n", AggregateFunction.COUNT, Optional.empty()));

	@Test
	void shouldEmitEveryCountWhetherStatesComeFromMemoryOrFromTheStore() {
		List<String> keys = new ArrayList<>();
		for (int i = 0; i < 2_000; i++) {
			keys.add("k" + (i * 7919 % 13));
		}
		List<String> expected = new ArrayList<>();
		Map<String, Integer> counts = new HashMap<>();
		for (int i = 0; i < keys.size(); i++) {
			String window = keys.get(i) + "@" + (i * 10L - i * 10L % 10_000);
			expected.add(window + "=" + counts.merge(window, 1, Integer::sum));
		}

		assertThat(run(keys, WindowUpdates.RECENT_WINDOWS)).isEqualTo(expected);
		assertThat(run(keys, 1)).as("one state in memory: nearly every update reads the store").isEqualTo(expected);
	}

	@Test
	void shouldReadTheStoreAgainWhenInitialisedAgain() {
		try (TopologyTestDriver driver = new TopologyTestDriver(topology(1), properties())) {
			@SuppressWarnings("unchecked")
			TimestampedWindowStore<String, WindowState> store = (TimestampedWindowStore<String, WindowState>) driver
				.<String, WindowState>getTimestampedWindowStore("window");
			MockProcessorContext<Windowed<String>, WindowState> context = new MockProcessorContext<>();
			context.addStateStore(store);
			WindowUpdates updates = new WindowUpdates(WINDOWS, new WindowFolder(AGGREGATIONS, null), "window", 100);
			updates.init(context);
			updates.process(record("u", 1_000));
			updates.process(record("u", 2_000));

			store.put("u", ValueAndTimestamp.make(new WindowState(null, List.of(new Accumulator.Count(40))), 2_000), 0);
			updates.init(context);
			context.resetForwards();
			updates.process(record("u", 3_000));

			assertThat(((Accumulator.Count) context.forwarded().getFirst().record().value().accumulators().getFirst())
				.count()).as("restored 40, plus one").isEqualTo(41);
		}
	}

	private List<String> run(List<String> keys, int recentWindows) {
		try (TopologyTestDriver driver = new TopologyTestDriver(topology(recentWindows), properties())) {
			TestInputTopic<String, String> in = driver.createInputTopic("in", new StringSerializer(),
					new StringSerializer());
			for (int i = 0; i < keys.size(); i++) {
				in.pipeInput(keys.get(i), "", i * 10L);
			}
			return driver.createOutputTopic("out", new StringDeserializer(), new StringDeserializer())
				.readKeyValuesToList()
				.stream()
				.map(pair -> pair.key + "=" + pair.value)
				.toList();
		}
	}

	private static Topology topology(int recentWindows) {
		Deserializer<Row> rows = (topic, bytes) -> row(null);
		Serializer<Windowed<String>> windows = (topic, window) -> (window.key() + "@" + window.window().start())
			.getBytes(StandardCharsets.UTF_8);
		Serializer<WindowState> counts = (topic, state) -> String
			.valueOf(((Accumulator.Count) state.accumulators().getFirst()).count())
			.getBytes(StandardCharsets.UTF_8);
		Topology topology = new Topology();
		topology.addSource("in", new StringDeserializer(), rows, "in");
		topology.addProcessor("updates",
				() -> new TimedRows(new WindowUpdates(WINDOWS, new WindowFolder(AGGREGATIONS, null), "window",
						recentWindows)),
				"in");
		topology.addStateStore(Stores.timestampedWindowStoreBuilder(
				Stores.inMemoryWindowStore("window", Duration.ofSeconds(15), Duration.ofSeconds(10), false),
				Serdes.String(), new WindowStateSerde(AGGREGATIONS)).withLoggingDisabled(), "updates");
		topology.addSink("out", "out", windows, counts, "updates");
		return topology;
	}

	private Properties properties() {
		Properties properties = new Properties();
		properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "window-updates-memory");
		properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
		properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "test.invalid:9092");
		return properties;
	}

	private static Record<String, Row> record(String key, long time) {
		return new Record<>(key, row(time), time);
	}

	private static Row row(Long time) {
		Map<String, Object> fields = new HashMap<>();
		fields.put(WindowInput.TIME, time);
		return Row.of(fields, Origin.none());
	}

	/** Puts each record's timestamp into its row, as {@link WindowInput} does, and hands it to the updates. */
	private record TimedRows(WindowUpdates updates)
			implements org.apache.kafka.streams.processor.api.Processor<String, Row, Windowed<String>, WindowState> {

		@Override
		public void init(org.apache.kafka.streams.processor.api.ProcessorContext<Windowed<String>, WindowState> context) {
			updates.init(context);
		}

		@Override
		public void process(Record<String, Row> record) {
			updates.process(record.withValue(row(record.timestamp())));
		}

	}

}
