package io.streamplane.benchmarks.scale;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import io.streamplane.benchmarks.harness.BenchmarkException;
import io.streamplane.benchmarks.harness.Progress;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * What holds output back after the active instance's {@code kill -9}: sampled once a second from the kill, each
 * partition's end offset ({@code read_uncommitted}) and last stable offset ({@code read_committed}: the first offset of
 * a transaction still open) of the output and repartition topics, the application's transactions (state and start
 * time, from the broker's transaction coordinator), the surviving instance's records consumed and the exact results
 * the verifier has seen. {@link #summary} says when each stable offset first moved past its value at the kill and
 * how long each transaction open at the kill stayed open.
 */
final class FailoverTrace {

	private final Admin admin;

	private final String applicationId;

	private final List<TopicPartition> partitions;

	private final LongSupplier survivorConsumed;

	private final LongSupplier results;

	private final long killed;

	private final List<Sample> samples = new ArrayList<>();

	private FailoverTrace(Admin admin, String applicationId, List<TopicPartition> partitions, LongSupplier survivorConsumed,
			LongSupplier results, long killed) {
		this.admin = admin;
		this.applicationId = applicationId;
		this.partitions = partitions;
		this.survivorConsumed = survivorConsumed;
		this.results = results;
		this.killed = killed;
	}

	/**
	 * @param topics the output topic and the application's repartition topics
	 * @param killed when the active instance was killed, {@link System#nanoTime()}
	 */
	static FailoverTrace of(Admin admin, String applicationId, List<String> topics, LongSupplier survivorConsumed,
			LongSupplier results, long killed) {
		List<TopicPartition> partitions = new ArrayList<>();
		try {
			admin.describeTopics(topics).allTopicNames().get().forEach((topic, description) -> description.partitions()
				.forEach(partition -> partitions.add(new TopicPartition(topic, partition.partition()))));
		}
		catch (InterruptedException | ExecutionException ex) {
			throw failure("describe " + topics, ex);
		}
		return new FailoverTrace(admin, applicationId, partitions, survivorConsumed, results, killed);
	}

	/** The repartition topics of {@code applicationId}. */
	static List<String> repartitionTopics(Admin admin, String applicationId) {
		try {
			return admin.listTopics().names().get().stream()
				.filter(topic -> topic.startsWith(applicationId + "-") && topic.endsWith("-repartition"))
				.sorted()
				.toList();
		}
		catch (InterruptedException | ExecutionException ex) {
			throw failure("list the repartition topics of " + applicationId, ex);
		}
	}

	/**
	 * Waits until one of {@code transactionalIds} has a transaction open (state {@code Ongoing}), so that a kill then
	 * leaves it open; returns whether one did within {@code timeout}.
	 */
	static boolean awaitOpenTransaction(Admin admin, List<String> transactionalIds, Duration timeout)
			throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			try {
				if (admin.describeTransactions(transactionalIds).all().get().values().stream()
					.anyMatch(description -> description.state() == TransactionState.ONGOING)) {
					return true;
				}
			}
			catch (ExecutionException ex) {
				throw failure("describe the transactions " + transactionalIds, ex);
			}
			Thread.sleep(5);
		}
		return false;
	}

	/** Takes one sample now and logs it. */
	Sample sample() {
		long millis = (System.nanoTime() - killed) / 1_000_000;
		Map<TopicPartition, ListOffsetsResultInfo> ends = offsets(new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED));
		Map<TopicPartition, ListOffsetsResultInfo> stable = offsets(new ListOffsetsOptions(IsolationLevel.READ_COMMITTED));
		Map<TopicPartition, Offsets> offsets = new LinkedHashMap<>();
		partitions.forEach(partition -> offsets.put(partition,
				new Offsets(ends.get(partition).offset(), stable.get(partition).offset())));
		Sample sample = new Sample(millis, System.currentTimeMillis(), offsets, transactions(), survivorConsumed.getAsLong(),
				results.getAsLong());
		samples.add(sample);
		Progress.log("    " + sample);
		return sample;
	}

	/** The samples so far, oldest first. */
	List<Sample> samples() {
		return List.copyOf(samples);
	}

	private Map<TopicPartition, ListOffsetsResultInfo> offsets(ListOffsetsOptions options) {
		Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
		partitions.forEach(partition -> latest.put(partition, OffsetSpec.latest()));
		try {
			return admin.listOffsets(latest, options).all().get();
		}
		catch (InterruptedException | ExecutionException ex) {
			throw failure("list the offsets of " + partitions, ex);
		}
	}

	private Map<String, Transaction> transactions() {
		try {
			List<String> ids = admin.listTransactions().all().get().stream()
				.map(TransactionListing::transactionalId)
				.filter(id -> id.startsWith(applicationId + "-"))
				.toList();
			Map<String, Transaction> transactions = new TreeMap<>();
			for (Map.Entry<String, TransactionDescription> entry : admin.describeTransactions(ids).all().get().entrySet()) {
				TransactionDescription description = entry.getValue();
				OptionalLong started = description.transactionStartTimeMs();
				transactions.put(entry.getKey(), new Transaction(description.state().toString(),
						started.isPresent() ? started.getAsLong() : -1, description.transactionTimeoutMs(),
						description.topicPartitions().size()));
			}
			return transactions;
		}
		catch (InterruptedException | ExecutionException ex) {
			throw failure("describe the transactions of " + applicationId, ex);
		}
	}

	private static BenchmarkException failure(String what, Exception ex) {
		if (ex instanceof InterruptedException) {
			Thread.currentThread().interrupt();
		}
		return new BenchmarkException("Could not " + what + ": " + ex, ex);
	}

	/**
	 * What the samples show, e.g. {@code "stable offsets: scale-sessions-a-1000000-0 at the kill 5,000, first moved at
	 * 301,200 ms, ...; transactions open at the kill: ...-1 (Ongoing since 40 ms before the kill, timeout 300,000 ms,
	 * 7 partitions) open until 301,200 ms; survivor first consumed at 301,900 ms"}. Times are ms after the kill; a
	 * partition whose stable offset never moved, or a transaction never seen closed, says so with the last sample's time.
	 */
	static String summary(List<Sample> samples) {
		if (samples.isEmpty()) {
			return "no samples";
		}
		Sample first = samples.getFirst();
		long last = samples.getLast().millis();
		String stable = first.offsets().entrySet().stream()
			.map(entry -> String.format("%s at the kill %,d (end %,d), %s", entry.getKey(), entry.getValue().stable(),
					entry.getValue().end(), firstAt(samples, sample -> sample.offsets().get(entry.getKey()).stable() > entry.getValue().stable(),
							"first moved", "not moved", last)))
			.collect(Collectors.joining("; "));
		String open = first.transactions().entrySet().stream()
			.filter(entry -> entry.getValue().state().equals("Ongoing"))
			.map(entry -> String.format("%s (Ongoing since %,d ms before the kill, timeout %,d ms, %d partitions) %s",
					entry.getKey(), first.epochMillis() - entry.getValue().started(), entry.getValue().timeoutMillis(),
					entry.getValue().partitions(), firstAt(samples, sample -> !entry.getValue().sameAs(sample.transactions().get(entry.getKey())),
							"closed", "not closed", last)))
			.collect(Collectors.joining("; "));
		return String.format("stable offsets: %s. Transactions open at the kill: %s. Survivor %s; exact results %s",
				stable, open.isEmpty() ? "none" : open,
				firstAt(samples, sample -> sample.survivorConsumed() > first.survivorConsumed(), "first consumed", "not consumed", last),
				firstAt(samples, sample -> sample.results() > first.results(), "first grew", "not grown", last));
	}

	private static String firstAt(List<Sample> samples, Predicate<Sample> condition, String happened, String never,
			long last) {
		return samples.stream()
			.filter(condition)
			.findFirst()
			.map(sample -> String.format("%s at %,d ms", happened, sample.millis()))
			.orElse(String.format("%s by %,d ms", never, last));
	}

	/**
	 * @param end the offset after the last record written, committed or not
	 * @param stable the last stable offset: what a {@code read_committed} consumer can read up to
	 */
	record Offsets(long end, long stable) {
	}

	/**
	 * @param state the coordinator's state, e.g. {@code Ongoing}, {@code PrepareAbort}, {@code CompleteCommit}
	 * @param started the transaction's start, epoch ms; -1 if none is open
	 * @param timeoutMillis its {@code transaction.timeout.ms}
	 * @param partitions partitions it wrote to
	 */
	record Transaction(String state, long started, long timeoutMillis, int partitions) {

		/** Whether {@code other} is this same transaction, still open. */
		boolean sameAs(Transaction other) {
			return other != null && other.state.equals(state) && other.started == started;
		}

	}

	/**
	 * @param millis ms after the kill
	 * @param epochMillis when it was taken (within the few ms it took)
	 * @param offsets each traced partition's offsets
	 * @param transactions the application's transactions by transactional id
	 * @param survivorConsumed records the surviving instance took from its source topics so far
	 * @param results distinct exact results the verifier has seen so far
	 */
	record Sample(long millis, long epochMillis, Map<TopicPartition, Offsets> offsets,
			Map<String, Transaction> transactions, long survivorConsumed, long results) {

		@Override
		public String toString() {
			return String.format("+%,d ms: %s; transactions %s; survivor consumed %,d; results %,d", millis,
					offsets.entrySet().stream()
						.map(entry -> String.format("%s %,d/%,d", entry.getKey(), entry.getValue().stable(), entry.getValue().end()))
						.collect(Collectors.joining(", ")),
					transactions.entrySet().stream()
						.map(entry -> entry.getKey().substring(entry.getKey().length() - Math.min(entry.getKey().length(), 10))
								+ " " + entry.getValue().state())
						.collect(Collectors.joining(", ")),
					survivorConsumed, results);
		}

	}

}
