package io.streamplane.engine.compile.internal.keyed;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The heap that the write-back stores of one JVM may fill together, in estimated bytes. Each store
 * also has its own cap on entries, but an instance with many partitions and several per-key steps
 * has many stores; without a shared bound they could together hold more than the heap. A store that
 * finds the budget exceeded after taking room for a change writes its changes back and empties itself
 * (the record cache evicts in the same way when {@code statestore.cache.max.bytes} is reached), so the
 * stores together hold at most the budget plus one entry each.
 */
final class WriteBackBudget {

	/** The budget shared by the stores of this JVM: a quarter of the maximum heap. */
	static final WriteBackBudget HEAP = new WriteBackBudget(Runtime.getRuntime().maxMemory() / 4);

	private final long limit;

	private final AtomicLong used = new AtomicLong();

	/**
	 * @param limit the estimated bytes the stores may hold together
	 */
	WriteBackBudget(long limit) {
		if (limit < 1) {
			throw new IllegalArgumentException("limit must be positive: " + limit);
		}
		this.limit = limit;
	}

	/** Charges {@code bytes} (negative to give room back) and says whether the budget still holds. */
	boolean charge(long bytes) {
		return used.addAndGet(bytes) <= limit;
	}

	/** The estimated bytes held, for tests. */
	long used() {
		return used.get();
	}

}
