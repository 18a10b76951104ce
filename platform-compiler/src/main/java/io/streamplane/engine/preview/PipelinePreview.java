package io.streamplane.engine.preview;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.streamplane.engine.compile.CompiledPipeline;
import io.streamplane.engine.compile.DeadLetterHeaders;
import io.streamplane.engine.compile.EndOfInput;
import io.streamplane.engine.compile.PipelineCompiler;
import io.streamplane.engine.compile.PipelineCounters;
import io.streamplane.spec.PipelineSpec;
import io.streamplane.spec.Step;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import io.streamplane.protocol.tiles.TileCodec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Runs a pipeline over a finite list of records with the same topology a running pipeline uses,
 * in Kafka Streams' {@code TopologyTestDriver}: no broker, exact, and batch = streaming. After
 * the last input it sends {@link EndOfInput end-of-input markers} (one round per window step plus
 * one) through every source, which advance event time past every window, so windows that emit
 * final results emit them; markers never appear in outputs or dead letters. The records of each
 * feature view's tile topic and of each index topic are outputs too, under the topic's name: an index
 * record keyed by the row's primary key (JSON text), with its text and metadata, or {@code null} for a
 * delete.
 * <p>
 * Thread-safe: each run has its own driver and state directory, deleted afterwards.
 */
public final class PipelinePreview {

	/** The largest number of input records a preview accepts. */
	public static final int MAX_INPUTS = 10_000;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * Runs the pipeline over the inputs.
	 * @param spec a validated spec
	 * @param inputs the records, in arrival order, each on a topic one of the sources or tables
	 * reads, or a change of one of the tables
	 * @throws PreviewException when there are more than {@link #MAX_INPUTS} inputs or one names a
	 * topic no source or table reads, or a table the pipeline does not have
	 */
	public PreviewResult run(PipelineSpec spec, List<PreviewInput> inputs) {
		return run(spec, inputs, PreviewBudget.UNLIMITED, () -> false);
	}

	/**
	 * Runs the pipeline over the inputs within a budget. Every step of every record counts against it,
	 * and the outputs are collected after each input; once a part is spent no step processes another
	 * record, so a run stops soon after, also inside one record's fan-out.
	 * @param budget what the run may spend, from the start of this call
	 * @param cancelled polled during the run; once true the run stops
	 * @throws PreviewException as {@link #run(PipelineSpec, List)}
	 * @throws PreviewBudgetException when the run spends a part of its budget
	 * @throws PreviewCancelledException when {@code cancelled} turns true or the thread is interrupted
	 */
	public PreviewResult run(PipelineSpec spec, List<PreviewInput> inputs, PreviewBudget budget,
			BooleanSupplier cancelled) {
		BudgetGuard guard = new BudgetGuard(budget, System.nanoTime(), cancelled);
		check(spec, inputs);
		CompiledPipeline compiled = PipelineCompiler.forReplay().guardedBy(guard).compile(spec, new PipelineCounters());
		Path stateDir = tempDir();
		try (TopologyTestDriver driver = new TopologyTestDriver(compiled.topology(), properties(spec, stateDir))) {
			Map<String, TestInputTopic<byte[], byte[]>> topics = new LinkedHashMap<>();
			compiled.inputTopics().forEach(topic -> topics.put(topic,
					driver.createInputTopic(topic, new ByteArraySerializer(), new ByteArraySerializer())));
			Collected collected = new Collected(spec, driver, compiled.deadLetterTopic(), guard);
			for (PreviewInput input : inputs) {
				guard.throwIfStopped();
				topics.get(topic(spec, input)).pipeInput(record(input));
				guard.throwIfStopped();
				collected.drain();
			}
			int rounds = windowSteps(spec) + 1;
			for (int round = 0; round < rounds; round++) {
				long time = EndOfInput.timestamp(round);
				for (TestInputTopic<byte[], byte[]> topic : topics.values()) {
					guard.throwIfStopped();
					topic.pipeInput(marker(time));
					guard.throwIfStopped();
					collected.drain();
				}
			}
			return collected.result();
		}
		finally {
			delete(stateDir);
		}
	}

	private static void check(PipelineSpec spec, List<PreviewInput> inputs) {
		if (inputs.size() > MAX_INPUTS) {
			throw new PreviewException("a preview takes at most " + MAX_INPUTS + " input records, got " + inputs.size() +
					"; preview a sample");
		}
		Set<String> topics = spec.sources().values().stream().map(source -> source.kafka().topic())
			.collect(Collectors.toCollection(TreeSet::new));
		spec.tables().values().forEach(table -> topics.add(table.topic()));
		List<String> unknown = inputs.stream().map(PreviewInput::topic).filter(Objects::nonNull)
			.filter(topic -> !topics.contains(topic)).distinct().toList();
		if (!unknown.isEmpty()) {
			throw new PreviewException("no source or table of pipeline '" + spec.name() + "' reads " + unknown +
					"; use one of the topics " + topics);
		}
		List<String> unknownTables = inputs.stream().map(PreviewInput::table).filter(Objects::nonNull)
			.filter(table -> !spec.tables().containsKey(table)).distinct().toList();
		if (!unknownTables.isEmpty()) {
			throw new PreviewException("pipeline '" + spec.name() + "' has no table " + unknownTables +
					"; use one of its tables " + spec.tables().keySet());
		}
	}

	private static String topic(PipelineSpec spec, PreviewInput input) {
		return input.table() == null ? input.topic() : spec.tables().get(input.table()).topic();
	}

	private static Properties properties(PipelineSpec spec, Path stateDir) {
		Properties properties = new Properties();
		properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "sp-preview-" + spec.name());
		properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "preview.invalid:9092");
		properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
		properties.putAll(CompiledPipeline.requiredStreamsConfig());
		return properties;
	}

	private static TestRecord<byte[], byte[]> record(PreviewInput input) {
		byte[] key = input.key() == null ? null : input.key().getBytes(StandardCharsets.UTF_8);
		long timestamp = input.timestampMs() == null ? 0L : input.timestampMs();
		byte[] value = input.value() == null ? null : JSON.writeValueAsBytes(input.value());
		return new TestRecord<>(key, value, new RecordHeaders(), timestamp);
	}

	private static TestRecord<byte[], byte[]> marker(long time) {
		Headers headers = new RecordHeaders();
		headers.add(EndOfInput.HEADER, new byte[0]);
		return new TestRecord<>(null, null, headers, time);
	}

	private static int windowSteps(PipelineSpec spec) {
		return (int) spec.transforms().values().stream().flatMap(transform -> transform.steps().stream())
			.filter(Step.Window.class::isInstance).count();
	}

	/**
	 * The records written so far to each output, feature, index and dead-letter topic, drained from
	 * the driver after every input and counted against the budget.
	 */
	private static final class Collected {

		private final TopologyTestDriver driver;

		private final BudgetGuard guard;

		private final Map<String, List<PreviewOutput>> outputs = new LinkedHashMap<>();

		private final Map<String, TestOutputTopic<byte[], byte[]>> topics = new LinkedHashMap<>();

		private final Set<String> tileTopics = new TreeSet<>();

		private final TestOutputTopic<byte[], byte[]> deadLetterTopic;

		private final List<DeadLetter> deadLetters = new ArrayList<>();

		Collected(PipelineSpec spec, TopologyTestDriver driver, String deadLetterTopic, BudgetGuard guard) {
			this.driver = driver;
			this.guard = guard;
			spec.outputs().forEach(output -> add(output.kafka().topic()));
			spec.features().forEach(view -> tileTopics.add(add(view.topic(spec.name()))));
			spec.indexes().forEach(index -> add(index.topic(spec.name())));
			this.deadLetterTopic = topic(deadLetterTopic);
		}

		private String add(String topic) {
			outputs.put(topic, new ArrayList<>());
			topics.put(topic, topic(topic));
			return topic;
		}

		private TestOutputTopic<byte[], byte[]> topic(String topic) {
			return driver.createOutputTopic(topic, new ByteArrayDeserializer(), new ByteArrayDeserializer());
		}

		void drain() {
			topics.forEach((topic, output) -> output.readRecordsToList().forEach(record -> {
				guard.output(size(record));
				outputs.get(topic).add(new PreviewOutput(text(record.key()),
						tileTopics.contains(topic) ? tileJson(record.value()) : json(record.value()),
						record.getRecordTime() == null ? null : record.getRecordTime().toString()));
			}));
			deadLetterTopic.readRecordsToList().forEach(record -> {
				guard.output(size(record));
				deadLetters.add(new DeadLetter(text(record.key()), json(record.value()),
						header(record.headers(), DeadLetterHeaders.STEP), header(record.headers(), DeadLetterHeaders.REASON),
						"true".equals(header(record.headers(), DeadLetterHeaders.LATE))));
			});
		}

		PreviewResult result() {
			return new PreviewResult(outputs, deadLetters);
		}

		private static long size(TestRecord<byte[], byte[]> record) {
			return (record.key() == null ? 0 : record.key().length) + (record.value() == null ? 0 : record.value().length);
		}

	}

	/** A tile record in its JSON form, whichever form the engine wrote. */
	private static JsonNode tileJson(byte[] value) {
		return json(TileCodec.toJson(TileCodec.fromBytes(value)));
	}

	private static JsonNode json(byte[] value) {
		if (value == null) {
			return JsonNodeFactory.instance.nullNode();
		}
		try {
			return JSON.readTree(value);
		}
		catch (JacksonException ex) {
			return JsonNodeFactory.instance.stringNode(text(value));
		}
	}

	private static String header(Headers headers, String name) {
		Header header = headers.lastHeader(name);
		return header == null ? null : text(header.value());
	}

	private static String text(byte[] bytes) {
		return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
	}

	private static Path tempDir() {
		try {
			return Files.createTempDirectory("sp-preview-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot create a state directory for the preview", ex);
		}
	}

	private static void delete(Path dir) {
		try (Stream<Path> paths = Files.walk(dir)) {
			paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot delete the preview state directory " + dir, ex);
		}
	}

}
