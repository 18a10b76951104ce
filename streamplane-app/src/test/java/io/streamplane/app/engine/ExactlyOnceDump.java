package io.streamplane.app.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;

/**
 * What an exactly-once test saw, written to a file when its check fails, so a failure tells whether
 * records were lost or the test read too early: the rows that differ; every topic's partitions with
 * log start, last stable offset (what {@code read_committed} can read), high watermark, the group's
 * committed offset and the producers with an open transaction; the broker's transactions; where the
 * differing rows are in the output (committed and not) and in the repartition and dead-letter topics;
 * the input's end offsets per partition beside what the broker acknowledged when the test produced it;
 * and the engines' log lines about restoration, transactions and errors.
 *
 * @param progress the broker and the pipeline's Kafka Streams application (its group, the prefix of its topics)
 * @param rowOf the row (e.g. {@code key@window}) of an output record and the count it adds
 * @param rowOfEvent the row a record of the input or repartition topic counts in, from key and timestamp
 */
record ExactlyOnceDump(CommittedProgress progress,
		Function<ConsumerRecord<String, byte[]>, Map.Entry<String, Long>> rowOf,
		Function<ConsumerRecord<String, byte[]>, String> rowOfEvent) {

	private static final int MAX_ROWS = 40;

	/**
	 * The input topic and what the broker acknowledged of it per partition, so a dump tells input the broker
	 * never took apart from records the engine lost.
	 */
	record Input(String topic, Map<TopicPartition, Long> acknowledged) {
	}

	/**
	 * Writes the dump.
	 * @param file where to
	 * @param expected the expected count per row
	 * @param seen what the test counted per row
	 * @param input the input topic and what the broker acknowledged of it
	 * @param output the output topic
	 * @param deadLetters the pipeline's dead-letter topic
	 * @param logs the engines' logs
	 */
	void write(Path file, Map<String, Long> expected, Map<String, Long> seen, Input input, String output,
			String deadLetters, List<Path> logs) {
		List<String> lines = new ArrayList<>();
		try {
			Map<String, Long> now = counts(output, IsolationLevel.READ_COMMITTED);
			TreeSet<String> differing = new TreeSet<>();
			Stream.of(expected, seen, now).flatMap(map -> map.keySet().stream()).forEach(row -> {
				Long want = expected.get(row);
				if (want == null || !want.equals(seen.get(row)) || !want.equals(now.get(row))) {
					differing.add(row);
				}
			});
			lines.add("Rows expected " + expected.size() + ", seen by the test " + seen.size() + ", in the committed output now "
					+ now.size() + "; differing " + differing.size() + " (row: expected / seen by the test / committed now):");
			differing.stream().limit(MAX_ROWS).forEach(row -> lines.add("  " + row + ": " + expected.get(row) + " / "
					+ seen.get(row) + " / " + now.get(row)));
			lines.add("");
			input(lines, input);
			List<String> topics = topics(output, deadLetters);
			partitions(lines, topics);
			transactions(lines);
			Collection<String> rows = differing.stream().limit(MAX_ROWS).toList();
			outputRecords(lines, output, rows);
			for (String topic : topics) {
				if (topic.endsWith("-repartition")) {
					eventRecords(lines, topic, rows, IsolationLevel.READ_COMMITTED);
				}
			}
			eventRecords(lines, deadLetters, rows, IsolationLevel.READ_COMMITTED);
		}
		catch (RuntimeException | ExecutionException | InterruptedException ex) {
			lines.add("The dump failed: " + ex);
		}
		for (Path log : logs) {
			engineLog(lines, log);
		}
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			Files.write(file, lines);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void input(List<String> lines, Input input) throws ExecutionException, InterruptedException {
		lines.add("Input " + input.topic() + " per partition: acknowledged by the broker when produced / log start / "
				+ "end offset now / committed by " + progress.applicationId());
		Map<TopicPartition, OffsetAndMetadata> committed = progress.admin().listConsumerGroupOffsets(progress.applicationId())
			.partitionsToOffsetAndMetadata()
			.get();
		for (TopicPartition partition : progress.partitions(input.topic())) {
			OffsetAndMetadata group = committed.get(partition);
			lines.add("  " + partition + ": " + input.acknowledged().getOrDefault(partition, 0L) + " / "
					+ offset(partition, OffsetSpec.earliest(), IsolationLevel.READ_UNCOMMITTED) + " / "
					+ offset(partition, OffsetSpec.latest(), IsolationLevel.READ_UNCOMMITTED) + " / "
					+ (group == null ? "-" : group.offset()));
		}
		lines.add("");
	}

	private List<String> topics(String output, String deadLetters) throws ExecutionException, InterruptedException {
		TreeSet<String> topics = new TreeSet<>();
		for (String topic : progress.admin().listTopics().names().get()) {
			if (topic.startsWith(progress.applicationId()) || topic.equals(output) || topic.equals(deadLetters)) {
				topics.add(topic);
			}
		}
		return List.copyOf(topics);
	}

	private void partitions(List<String> lines, List<String> topics) throws ExecutionException, InterruptedException {
		Map<TopicPartition, OffsetAndMetadata> committed = progress.admin().listConsumerGroupOffsets(progress.applicationId())
			.partitionsToOffsetAndMetadata()
			.get();
		lines.add("Partitions: log start / last stable offset / high watermark / committed by " + progress.applicationId()
				+ " / producers with an open transaction (id, epoch, first offset)");
		for (String topic : topics) {
			List<TopicPartition> partitions = progress.partitions(topic);
			var producers = progress.admin().describeProducers(partitions).all().get();
			for (TopicPartition partition : partitions) {
				long start = offset(partition, OffsetSpec.earliest(), IsolationLevel.READ_UNCOMMITTED);
				long stable = offset(partition, OffsetSpec.latest(), IsolationLevel.READ_COMMITTED);
				long high = offset(partition, OffsetSpec.latest(), IsolationLevel.READ_UNCOMMITTED);
				OffsetAndMetadata group = committed.get(partition);
				List<String> open = producers.get(partition).activeProducers().stream()
					.filter(producer -> producer.currentTransactionStartOffset().isPresent())
					.map(producer -> producer.producerId() + "/" + producer.producerEpoch() + "@"
							+ producer.currentTransactionStartOffset().getAsLong())
					.toList();
				lines.add("  " + partition + ": " + start + " / " + stable + " / " + high + " / "
						+ (group == null ? "-" : group.offset() + " " + group.metadata()) + " / " + open);
			}
		}
		lines.add("");
	}

	private long offset(TopicPartition partition, OffsetSpec spec, IsolationLevel isolation)
			throws ExecutionException, InterruptedException {
		return progress.admin().listOffsets(Map.of(partition, spec), new ListOffsetsOptions(isolation))
			.partitionResult(partition).get().offset();
	}

	private void transactions(List<String> lines) throws ExecutionException, InterruptedException {
		lines.add("Transactions on the broker:");
		List<String> ids = progress.admin().listTransactions().all().get().stream().map(TransactionListing::transactionalId).toList();
		progress.admin().describeTransactions(ids).all().get().forEach((id, description) -> lines.add("  " + id + ": "
				+ description.state() + ", producer " + description.producerId() + "/" + description.producerEpoch()
				+ ", started " + description.transactionStartTimeMs().stream().mapToObj(Instant::ofEpochMilli).toList()
				+ ", partitions " + description.topicPartitions()));
		lines.add("");
	}

	private void outputRecords(List<String> lines, String output, Collection<String> rows) {
		lines.add("Output records of those rows, every one written (read_uncommitted), * when committed:");
		TreeSet<String> committed = new TreeSet<>();
		progress.read(output, IsolationLevel.READ_COMMITTED, record -> {
			if (rows.contains(rowOf.apply(record).getKey())) {
				committed.add(record.partition() + "@" + record.offset());
			}
		});
		progress.read(output, IsolationLevel.READ_UNCOMMITTED, record -> {
			if (rows.contains(rowOf.apply(record).getKey())) {
				String at = record.partition() + "@" + record.offset();
				lines.add("  " + (committed.contains(at) ? "* " : "  ") + at + " " + Instant.ofEpochMilli(record.timestamp())
						+ " " + new String(record.value(), StandardCharsets.UTF_8));
			}
		});
		lines.add("");
	}

	private void eventRecords(List<String> lines, String topic, Collection<String> rows, IsolationLevel isolation) {
		Map<String, List<String>> found = new TreeMap<>();
		long[] total = new long[1];
		progress.read(topic, isolation, record -> {
			total[0]++;
			String row = rowOfEvent.apply(record);
			if (rows.contains(row)) {
				List<String> at = found.computeIfAbsent(row, ignored -> new ArrayList<>());
				Header reason = record.headers().lastHeader("sp.reason");
				at.add(record.partition() + "@" + record.offset()
						+ (reason == null ? "" : " " + new String(reason.value(), StandardCharsets.UTF_8)));
			}
		});
		lines.add(topic + " (" + isolation + "): " + total[0] + " records; of the rows above:");
		found.forEach((row, at) -> lines.add("  " + row + ": " + at.size() + " at " + at));
		lines.add("");
	}

	private Map<String, Long> counts(String topic, IsolationLevel isolation) {
		Map<String, Long> counts = new TreeMap<>();
		progress.read(topic, isolation, record -> {
			Map.Entry<String, Long> row = rowOf.apply(record);
			counts.merge(row.getKey(), row.getValue(), Long::sum);
		});
		return counts;
	}

	private static void engineLog(List<String> lines, Path log) {
		lines.add("Engine log " + log + ", restoration, transactions, errors:");
		try (Stream<String> all = Files.lines(log)) {
			all.filter(line -> line.contains("estor") || line.contains("ransaction") || line.contains("ERROR")
					|| line.contains("WARN") || line.contains("orrupt") || line.contains("enced"))
				.limit(300)
				.forEach(line -> lines.add("  " + line));
		}
		catch (IOException | UncheckedIOException ex) {
			lines.add("  cannot read it: " + ex);
		}
		lines.add("");
	}

}
