package io.streamplane.benchmarks.features;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;

import io.streamplane.benchmarks.harness.BenchmarkException;
import org.HdrHistogram.Histogram;

/**
 * An open-loop load generator: request {@code i} is due at {@code start + i / rate}, whatever happened to the
 * ones before, and its latency is measured from that intended send time to the end of its response, so a
 * stalled server is charged for every request it delayed (no coordinated omission). {@code connections}
 * threads, each with its own keep-alive connection, take the next due request in turn; when all are busy,
 * requests queue and the queueing counts as latency. The exchange alone (request written to response read) is
 * recorded too: the part of the latency a request spends on the wire and in the server, without the time it
 * waited for its send time to be reached, for a free connection or for its thread to be scheduled.
 */
final class OpenLoopLoad {

	private OpenLoopLoad() {
	}

	/**
	 * Sends {@code rate} requests per second for {@code warmup + measure}, recording those due after the warm-up;
	 * an answer other than {@code expectedStatus} counts as an error.
	 *
	 * @param requests the request of index {@code i} (called from the load threads)
	 */
	static Result run(String name, int port, int connections, int rate, Duration warmup, Duration measure,
			int expectedStatus, LongFunction<byte[]> requests) throws InterruptedException {
		long intervalNanos = 1_000_000_000L / rate;
		long total = (warmup.toSeconds() + measure.toSeconds()) * rate;
		long measuredFrom = warmup.toSeconds() * rate;
		long start = System.nanoTime() + 100_000_000L;
		AtomicLong next = new AtomicLong();
		AtomicLong errors = new AtomicLong();
		AtomicLong waited = new AtomicLong();
		AtomicReference<Throwable> failure = new AtomicReference<>();
		List<Histogram> histograms = new ArrayList<>();
		List<Histogram> exchanges = new ArrayList<>();
		List<Thread> threads = new ArrayList<>();
		for (int c = 0; c < connections; c++) {
			Histogram histogram = Latency.histogram();
			histograms.add(histogram);
			Histogram exchange = Latency.histogram();
			exchanges.add(exchange);
			threads.add(Thread.ofPlatform().name("load-" + c).uncaughtExceptionHandler((thread, ex) -> failure.set(ex))
				.start(() -> {
				long runQueueBefore = SchedStats.threadRunQueueNanos();
				try (HttpConnection connection = new HttpConnection(port)) {
					for (long i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
						byte[] request = requests.apply(i);
						long intended = start + i * intervalNanos;
						for (long wait = intended - System.nanoTime(); wait > 0; wait = intended - System.nanoTime()) {
							LockSupport.parkNanos(wait);
						}
						long sent = System.nanoTime();
						int status = connection.exchange(request);
						long done = System.nanoTime();
						if (i >= measuredFrom) {
							histogram.recordValue(done - intended);
							exchange.recordValue(done - sent);
							if (status != expectedStatus) {
								errors.incrementAndGet();
							}
						}
					}
				}
				catch (IOException ex) {
					throw new BenchmarkException("load connection failed: " + ex.getMessage(), ex);
				}
				waited.addAndGet(SchedStats.threadRunQueueNanos() - runQueueBefore);
			}));
		}
		for (Thread thread : threads) {
			thread.join();
		}
		if (failure.get() != null) {
			throw new BenchmarkException(name + ": " + failure.get().getMessage(), failure.get());
		}
		double elapsedSeconds = (System.nanoTime() - start) / 1e9 - warmup.toSeconds();
		return new Result(name, sum(histograms), sum(exchanges), errors.get(), elapsedSeconds,
				waited.get() / (double) total / 1000);
	}

	private static Histogram sum(List<Histogram> histograms) {
		Histogram sum = Latency.histogram();
		histograms.forEach(sum::add);
		return sum;
	}

	/**
	 * What one open-loop phase measured, in nanoseconds: the latencies, the exchanges alone, the errors and
	 * the length of the measured window; and how long the load threads waited runnable for a core, in microseconds
	 * per request sent (warm-up included; {@link SchedStats}).
	 */
	record Result(String name, Histogram latencies, Histogram exchanges, long errors, double seconds,
			double loadWaitMicros) {

		/** Several phases of the same load as one measurement, e.g. the rounds of the GET phase. */
		static Result pool(String name, List<Result> phases) {
			return new Result(name, sum(phases.stream().map(Result::latencies).toList()),
					sum(phases.stream().map(Result::exchanges).toList()),
					phases.stream().mapToLong(Result::errors).sum(),
					phases.stream().mapToDouble(Result::seconds).sum(),
					phases.stream().mapToDouble(Result::loadWaitMicros).average().orElse(0));
		}

		/** The percentiles. */
		Latency latency() {
			return Latency.of(name, latencies, errors, latencies.getTotalCount() / seconds).withExchanges(exchanges);
		}

	}

}
