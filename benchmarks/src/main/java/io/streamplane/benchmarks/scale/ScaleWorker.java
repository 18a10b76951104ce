package io.streamplane.benchmarks.scale;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.LagInfo;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.processor.StateRestoreListener;

/**
 * One instance of a variant in a JVM of its own, so that its RSS is its own and {@code kill -9} kills only it.
 * Reports on stdout, one line each, times in epoch milliseconds: {@code SOURCES <topics it consumes>},
 * {@code STATE <state> <time>} (after {@code TRANSACTIONAL-IDS <id>,...} on each change to RUNNING),
 * {@code RESTORE-START <time>}, {@code RESTORE-END <records> <time>} and every 100 ms
 * {@code PROGRESS <records consumed> <records dropped> <local store partitions> <their largest offset lag>}; on stderr
 * (its log) the records restored into each store partition, and every pause of a second or more in consuming while
 * running (one record's processing that long, e.g. a burst of closed sessions, or a pause of the JVM).
 * <p>
 * Arguments: the variant's letter, a properties file of Kafka Streams settings, the input and the output topic.
 */
public final class ScaleWorker {

	private static final Duration REPORT = Duration.ofMillis(100);

	private ScaleWorker() {
	}

	public static void main(String[] args) throws IOException, InterruptedException {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(Path.of(args[1]))) {
			properties.load(reader);
		}
		if (UniversalCompactionSetting.enabled()) {
			properties.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, UniversalCompactionSetting.class.getName());
		}
		else if (RocksDBDiagnostics.enabled()) {
			properties.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, RocksDBDiagnostics.class.getName());
		}
		Topology topology = ScaleVariant.of(args[0]).topology(args[2], args[3]);
		report("SOURCES " + sourceTopics(topology));
		KafkaStreams streams = new KafkaStreams(topology, properties);
		streams.setStateListener((next, previous) -> {
			if (next == KafkaStreams.State.RUNNING) {
				report("TRANSACTIONAL-IDS " + transactionalIds(streams));
			}
			report("STATE " + next + " " + System.currentTimeMillis());
		});
		streams.setGlobalStateRestoreListener(new Restores());
		streams.setUncaughtExceptionHandler(ex -> {
			report("FAILED " + ex);
			return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
		});
		Runtime.getRuntime().addShutdownHook(new Thread(() -> streams.close(Duration.ofSeconds(30))));
		streams.start();
		Pauses pauses = new Pauses();
		while (true) {
			Thread.sleep(REPORT);
			long consumed = sum(streams, "stream-topic-metrics", "records-consumed-total");
			pauses.observe(consumed, streams.state());
			report("PROGRESS " + consumed + " " + sum(streams, "stream-task-metrics", "dropped-records-total") + " "
					+ storeLag(streams));
		}
	}

	/**
	 * Logs (stderr) each pause of {@link #LONG_PAUSE} or more in consuming while running, once consuming resumes:
	 * its start, length and the records consumed before it.
	 */
	private static final class Pauses {

		private static final Duration LONG_PAUSE = Duration.ofSeconds(1);

		private long consumed = -1;

		private long since = System.currentTimeMillis();

		void observe(long now, KafkaStreams.State state) {
			long time = System.currentTimeMillis();
			if (now == consumed && state == KafkaStreams.State.RUNNING) {
				return;
			}
			if (consumed >= 0 && time - since >= LONG_PAUSE.toMillis()) {
				System.err.printf("%tT.%<tL consumed nothing for %,d ms from %,d records (now %,d, %s)%n", since,
						time - since, consumed, now, state);
			}
			consumed = now;
			since = time;
		}

	}

	/**
	 * The transactional ids of the stream threads under exactly once ({@code <application id>-<process id>-<thread
	 * index>}, their names without {@code StreamThread}), comma-separated.
	 */
	private static String transactionalIds(KafkaStreams streams) {
		return streams.metadataForLocalThreads().stream()
			.map(thread -> thread.threadName().replace("-StreamThread-", "-"))
			.collect(Collectors.joining(","));
	}

	private static synchronized void report(String line) {
		System.out.println(line);
		System.out.flush();
	}

	private static int sourceTopics(Topology topology) {
		return topology.describe().subtopologies().stream()
			.flatMap(subtopology -> subtopology.nodes().stream())
			.filter(TopologyDescription.Source.class::isInstance)
			.mapToInt(node -> ((TopologyDescription.Source) node).topicSet().size())
			.sum();
	}

	private static long sum(KafkaStreams streams, String group, String name) {
		double total = 0;
		for (Map.Entry<MetricName, ? extends Metric> metric : streams.metrics().entrySet()) {
			if (metric.getKey().group().equals(group) && metric.getKey().name().equals(name)) {
				total += ((Number) metric.getValue().metricValue()).doubleValue();
			}
		}
		return (long) total;
	}

	/**
	 * {@code <local store partitions> <their largest offset lag>}, active and standby; {@code 0 0} while not
	 * running. On an instance with standbys only, the lag says how far they are behind.
	 */
	private static String storeLag(KafkaStreams streams) {
		if (streams.state() != KafkaStreams.State.RUNNING) {
			return "0 0";
		}
		int partitions = 0;
		long lag = 0;
		for (Map<Integer, LagInfo> stores : streams.allLocalStorePartitionLags().values()) {
			for (LagInfo info : stores.values()) {
				partitions++;
				lag = Math.max(lag, info.offsetLag());
			}
		}
		return partitions + " " + lag;
	}

	/** Reports when restoration starts and ends, over all store partitions. */
	private static final class Restores implements StateRestoreListener {

		private int restoring;

		private long records;

		@Override
		public synchronized void onRestoreStart(TopicPartition partition, String store, long start, long end) {
			if (restoring++ == 0) {
				report("RESTORE-START " + System.currentTimeMillis());
			}
		}

		@Override
		public void onBatchRestored(TopicPartition partition, String store, long batchEnd, long restored) {
		}

		@Override
		public synchronized void onRestoreEnd(TopicPartition partition, String store, long restored) {
			// to the worker's log (stderr): which stores the records went to
			System.err.println("restored " + restored + " records of " + partition + " into " + store);
			records += restored;
			if (--restoring == 0) {
				report("RESTORE-END " + records + " " + System.currentTimeMillis());
			}
		}

	}

}
