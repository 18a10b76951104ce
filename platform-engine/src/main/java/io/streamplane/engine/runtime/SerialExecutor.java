package io.streamplane.engine.runtime;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks one at a time, in the order they were submitted, on threads of a shared executor.
 * Each pipeline has one, so its lifecycle actions never overlap, while a slow action of one
 * pipeline (closing Kafka Streams, removing leftovers) never delays another pipeline's. A task that
 * throws is logged and does not stop the tasks after it; once the shared executor is shut down,
 * new tasks are dropped.
 */
final class SerialExecutor implements Executor {

	private static final Logger log = LoggerFactory.getLogger(SerialExecutor.class);

	private final String name;

	private final Executor threads;

	private final Queue<Runnable> tasks = new ArrayDeque<>();

	private boolean draining;

	/**
	 * @param name what the tasks act on, for log messages
	 * @param threads the shared executor; it must not run out of threads while tasks block
	 */
	SerialExecutor(String name, Executor threads) {
		this.name = name;
		this.threads = threads;
	}

	@Override
	public void execute(Runnable task) {
		synchronized (tasks) {
			tasks.add(task);
			if (draining) {
				return;
			}
			draining = true;
		}
		try {
			threads.execute(this::drain);
		}
		catch (RejectedExecutionException ex) {
			synchronized (tasks) {
				tasks.clear();
				draining = false;
			}
			log.debug("Engine is stopping; dropped a lifecycle action of {}", name);
		}
	}

	private void drain() {
		for (Runnable task = next(); task != null; task = next()) {
			try {
				task.run();
			}
			catch (RuntimeException ex) {
				log.error("A lifecycle action of {} failed", name, ex);
			}
		}
	}

	private Runnable next() {
		synchronized (tasks) {
			Runnable task = tasks.poll();
			draining = task != null;
			return task;
		}
	}

}
