package io.streamplane.rag.index.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

import org.apache.lucene.index.IndexWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits an index with its {@link CommitData} every interval on a thread of its own, so the thread that embeds
 * and writes never waits for a commit's flush and fsync. A snapshot is taken between two batches (its offsets end
 * where the documents written so far end); documents written while the commit runs may be in it too, which is
 * safe: offsets never run ahead of the documents, and a change read again after a crash replaces the row with the
 * same chunks. A failed periodic commit is kept for {@link #rethrow()}.
 */
public final class Committer implements AutoCloseable {

	/**
	 * What to commit.
	 *
	 * @param data the offsets and settings, consistent with the documents written so far
	 * @param version how many batches were written so far: a commit is skipped when it did not change
	 */
	public record Snapshot(CommitData data, long version) {
	}

	private static final Logger log = LoggerFactory.getLogger(Committer.class);

	private final IndexWriter writer;

	private final Supplier<Snapshot> snapshot;

	private final LongConsumer durations;

	private final ScheduledExecutorService scheduler;

	private long committedVersion = -1;

	private volatile RuntimeException failure;

	/**
	 * Starts committing every {@code interval}.
	 *
	 * @param snapshot takes a snapshot between two batches
	 * @param durations hears each commit's milliseconds
	 */
	public Committer(IndexWriter writer, Supplier<Snapshot> snapshot, Duration interval, String threadName,
			LongConsumer durations) {
		this.writer = writer;
		this.snapshot = snapshot;
		this.durations = durations;
		this.scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name(threadName)
			.factory());
		long millis = Math.max(1, interval.toMillis());
		scheduler.scheduleWithFixedDelay(this::commitIfChanged, millis, millis, TimeUnit.MILLISECONDS);
	}

	/** Commits now, changed or not. */
	public synchronized void commit() {
		commit(snapshot.get());
	}

	private synchronized void commitIfChanged() {
		try {
			Snapshot next = snapshot.get();
			if (next.version() != committedVersion) {
				commit(next);
			}
		}
		catch (RuntimeException ex) {
			log.error("Committing the index failed: {}", ex.toString());
			failure = ex;
		}
	}

	private void commit(Snapshot next) {
		long started = System.nanoTime();
		try {
			writer.setLiveCommitData(next.data().toUserData().entrySet());
			writer.commit();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		committedVersion = next.version();
		durations.accept((System.nanoTime() - started) / 1_000_000);
	}

	/** Throws the failure of a periodic commit, if one failed. */
	public void rethrow() {
		RuntimeException failed = failure;
		if (failed != null) {
			throw failed;
		}
	}

	/** Stops the periodic commits, waiting for one under way (never interrupted: it may be writing files). */
	@Override
	public void close() {
		scheduler.shutdown();
		try {
			scheduler.awaitTermination(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
