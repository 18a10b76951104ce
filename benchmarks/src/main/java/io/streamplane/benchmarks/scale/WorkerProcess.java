package io.streamplane.benchmarks.scale;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import io.streamplane.benchmarks.harness.BenchmarkException;

/**
 * A {@link ScaleWorker} in a JVM of its own: what it reported so far, its memory from
 * {@code /proc/<pid>/status}, and {@code kill -9}. Its stderr, with its log ({@value #LOGGING}), goes to
 * {@code target/scale/<name>.log};
 * {@code SCALE_WORKER_JAVA_OPTS} adds JVM options, e.g. a JFR recording.
 */
final class WorkerProcess implements AutoCloseable {

	/** The workers' logging: to stderr, since stdout carries their reports; Kafka Streams and producers from WARN. */
	private static final String LOGGING = "scale/worker-logback.xml";

	private final Process process;

	private final String name;

	private final Thread reader;

	private volatile int sources;

	private volatile String state = "CREATED";

	private volatile long restoreStarted;

	private volatile long restoreEnded;

	private volatile long restoredRecords;

	private volatile long restoreStartCpu;

	private volatile long restoreEndCpu;

	private volatile long consumed;

	private volatile long dropped;

	private volatile int storePartitions;

	private volatile long storeLag;

	private volatile String failure;

	private volatile List<String> transactionalIds = List.of();

	private WorkerProcess(Process process, String name) {
		this.process = process;
		this.name = name;
		this.reader = Thread.ofPlatform().daemon().name("worker-" + name).start(this::read);
	}

	/**
	 * @param name names the log and the properties file, e.g. {@code a-1000000-1}
	 * @param heap the worker's maximum heap, e.g. {@code 2g}
	 */
	static WorkerProcess start(String name, ScaleVariant variant, Properties settings, String input, String output,
			String heap) throws IOException {
		Path directory = Path.of("target", "scale").toAbsolutePath();
		Files.createDirectories(directory);
		Path properties = directory.resolve(name + ".properties");
		try (Writer writer = Files.newBufferedWriter(properties)) {
			settings.store(writer, "Kafka Streams settings of scale worker " + name);
		}
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx" + heap, "--enable-native-access=ALL-UNNAMED", "-Dlogback.configurationFile=" + LOGGING));
		String options = System.getenv("SCALE_WORKER_JAVA_OPTS");
		if (options != null && !options.isBlank()) {
			command.addAll(Arrays.asList(options.replace("{name}", name).trim().split("\\s+")));
		}
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), ScaleWorker.class.getName(),
				variant.letter(), properties.toString(), input, output));
		Process process = new ProcessBuilder(command)
			.redirectError(directory.resolve(name + ".log").toFile())
			.start();
		// a worker must not outlive the benchmark, holding memory and a core
		Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
		return new WorkerProcess(process, name);
	}

	private void read() {
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				String[] fields = line.split(" ");
				switch (fields[0]) {
					case "SOURCES" -> sources = Integer.parseInt(fields[1]);
					case "STATE" -> state = fields[1];
					case "TRANSACTIONAL-IDS" -> transactionalIds = List.of(fields[1].split(","));
					case "RESTORE-START" -> {
						restoreStartCpu = cpuMillis();
						restoreStarted = Long.parseLong(fields[1]);
					}
					case "RESTORE-END" -> {
						restoreEndCpu = cpuMillis();
						restoredRecords = Long.parseLong(fields[1]);
						restoreEnded = Long.parseLong(fields[2]);
					}
					case "PROGRESS" -> {
						consumed = Long.parseLong(fields[1]);
						dropped = Long.parseLong(fields[2]);
						storePartitions = Integer.parseInt(fields[3]);
						storeLag = Long.parseLong(fields[4]);
					}
					case "FAILED" -> failure = line.substring(7);
					default -> {
					}
				}
			}
		}
		catch (IOException ex) {
			if (process.isAlive()) {
				failure = "lost its output: " + ex;
			}
		}
	}

	/** @throws BenchmarkException if the worker failed or exited */
	void requireHealthy() {
		if (failure != null) {
			throw new BenchmarkException("Worker " + name + " failed: " + failure + " (see target/scale/" + name + ".log)");
		}
		if (!process.isAlive()) {
			throw new BenchmarkException("Worker " + name + " exited with " + process.exitValue() + " (see target/scale/"
					+ name + ".log)");
		}
	}

	/** Waits until the worker's Kafka Streams application is {@code RUNNING}. */
	void awaitRunning(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!"RUNNING".equals(state)) {
			requireHealthy();
			if (System.nanoTime() > deadline) {
				throw new BenchmarkException("Worker " + name + " was not running after " + timeout.toSeconds()
						+ " s; it is " + state);
			}
			Thread.sleep(20);
		}
	}

	/** The distinct topics the topology consumes (input and repartition), 0 until reported. */
	int sources() {
		return sources;
	}

	/** Records taken from source topics, over all tasks, as of the last report (every 100 ms). */
	long consumed() {
		return consumed;
	}

	/** Records Kafka Streams dropped, e.g. as too late for their session, as of the last report. */
	long dropped() {
		return dropped;
	}

	/** Its stream threads' transactional ids, as of its last change to {@code RUNNING}; empty before. */
	List<String> transactionalIds() {
		return transactionalIds;
	}

	int storePartitions() {
		return storePartitions;
	}

	long storeLag() {
		return storeLag;
	}

	/** Restoration's start and end (epoch ms) and records restored, or {@code null} if it has not ended. */
	Restore restore() {
		return restoreEnded == 0 ? null
				: new Restore(restoreStarted, restoreEnded, restoredRecords, restoreEndCpu - restoreStartCpu);
	}

	/**
	 * @param started epoch ms of the first store's restore start
	 * @param ended epoch ms of the last store's restore end
	 * @param records records restored
	 * @param cpuMillis CPU time the worker's JVM used in between, all its threads (user and system, sampled
	 * when the benchmark read the two reports, so within a few ms)
	 */
	record Restore(long started, long ended, long records, long cpuMillis) {

		long millis() {
			return ended - started;
		}

	}

	/**
	 * CPU time the worker's JVM used so far, user and system, in milliseconds ({@code /proc/<pid>/stat},
	 * clock ticks of 10 ms); 0 if it cannot be read.
	 */
	private long cpuMillis() {
		try {
			String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			// after the command: state is field 3 of stat(5), utime field 14 and stime field 15
			return 10 * (Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
	}

	/** Resident set size now ({@code VmRSS}) in bytes. */
	long rss() {
		return status("VmRSS:");
	}

	/** Peak resident set size ({@code VmHWM}) in bytes. */
	long peakRss() {
		return status("VmHWM:");
	}

	private long status(String field) {
		Path status = Path.of("/proc", Long.toString(process.pid()), "status");
		try {
			for (String line : Files.readAllLines(status)) {
				if (line.startsWith(field)) {
					return 1024 * Long.parseLong(line.substring(field.length()).replace("kB", "").trim());
				}
			}
			throw new BenchmarkException(status + " has no " + field + " line");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + status + " (Linux only)", ex);
		}
	}

	/** {@code kill -9}: the worker gets no chance to commit, flush or close anything. */
	void kill() throws InterruptedException {
		process.destroyForcibly();
		process.waitFor();
	}

	@Override
	public void close() throws InterruptedException {
		process.destroy();
		if (!process.waitFor(40, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			process.waitFor();
		}
		reader.join(1_000);
	}

}
