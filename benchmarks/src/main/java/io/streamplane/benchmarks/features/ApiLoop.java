package io.streamplane.benchmarks.features;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.SplittableRandom;

import com.sun.management.ThreadMXBean;
import org.HdrHistogram.Histogram;

import org.springframework.util.FileSystemUtils;
import org.springframework.util.unit.DataSize;

import io.streamplane.features.FeatureReader;
import io.streamplane.features.FeatureViews;
import io.streamplane.features.TileStore;
import io.streamplane.features.TileStoreConfig;
import io.streamplane.features.web.FeatureAnswer;
import io.streamplane.features.web.FeatureApi;

/**
 * The feature API's work for one request without HTTP, in a loop, for a profiler
 * ({@code -XX:StartFlightRecording}): loads {@code entities} entities (2 tiles each) into a fresh store, then
 * for {@code seconds} answers {@code POST /features} of {@code batch} random entities (or, with
 * {@code batch} 0, {@code GET}s) and writes each answer's JSON. Prints the latency percentiles, thread CPU time
 * and bytes allocated per request after {@value #WARM_UP_REQUESTS} requests of warm-up (the body of each POST is
 * built inside the timed part). Arguments: {@code entities seconds batch}.
 */
public final class ApiLoop {

	private static final int WARM_UP_REQUESTS = 3_000;

	private ApiLoop() {
	}

	public static void main(String[] args) throws Exception {
		int entities = Integer.parseInt(args[0]);
		long seconds = Long.parseLong(args[1]);
		int batch = Integer.parseInt(args[2]);
		Path directory = Files.createTempDirectory("api-loop");
		long nowMs = System.currentTimeMillis();
		StoreLoader.load(directory, entities, 2, nowMs, 42);
		ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
		try (TileStore store = TileStore.open(TileStoreConfig.of(directory))) {
			FeatureApi api = new FeatureApi(FeatureViews.of(List.of(BenchView.view())),
					new FeatureReader(store, Clock.systemUTC()), 1000, DataSize.ofMegabytes(1));
			SplittableRandom random = new SplittableRandom(7);
			ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
			for (int i = 0; i < WARM_UP_REQUESTS; i++) {
				answer(api, random, entities, batch, out);
			}
			Histogram histogram = Latency.histogram();
			long end = System.nanoTime() + seconds * 1_000_000_000L;
			long requests = 0;
			long allocatedStart = threads.getCurrentThreadAllocatedBytes();
			long cpuStart = threads.getCurrentThreadCpuTime();
			while (System.nanoTime() < end) {
				long start = System.nanoTime();
				answer(api, random, entities, batch, out);
				histogram.recordValue(System.nanoTime() - start);
				requests++;
			}
			long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
			long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedStart;
			System.out.printf("%,d requests (batch %d): p50 %.1f µs, p99 %.1f µs, p99.9 %.1f µs; thread CPU %.1f µs and "
					+ "%,d bytes allocated per request (body building included); answer %,d bytes%n", requests, batch,
					histogram.getValueAtPercentile(50) / 1000.0, histogram.getValueAtPercentile(99) / 1000.0,
					histogram.getValueAtPercentile(99.9) / 1000.0, cpu / 1000.0 / requests, allocated / requests, out.size());
		}
		finally {
			FileSystemUtils.deleteRecursively(directory);
		}
	}

	private static void answer(FeatureApi api, SplittableRandom random, int entities, int batch,
			ByteArrayOutputStream out) {
		FeatureAnswer answer = batch == 0
				? api.get(BenchView.NAME, BenchView.entity(random.nextInt(entities)), null, "/features")
				: api.post(postBody(random, entities, batch).getBytes(StandardCharsets.UTF_8), "/features");
		out.reset();
		answer.writeTo(out);
		if (answer.status() != 200) {
			throw new IllegalStateException(out.toString(StandardCharsets.UTF_8));
		}
	}

	private static String postBody(SplittableRandom random, int entities, int batch) {
		StringBuilder body = new StringBuilder("{\"view\": \"" + BenchView.NAME + "\", \"entities\": {\"" + BenchView.KEY
				+ "\": [");
		for (int i = 0; i < batch; i++) {
			body.append(i == 0 ? "\"" : ", \"").append(BenchView.entity(random.nextInt(entities))).append('"');
		}
		return body.append("]}}").toString();
	}

}
