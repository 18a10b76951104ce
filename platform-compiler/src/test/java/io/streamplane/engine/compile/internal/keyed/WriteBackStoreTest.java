package io.streamplane.engine.compile.internal.keyed;

import java.util.List;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The write-back store in front of a per-key step's store: the step sees its changes at once, the
 * store below (and so the changelog) only when Kafka Streams flushes caches before a commit, and a
 * dirty close loses exactly the changes since then, as the record cache would. Restores from the
 * changelog after a crash with exactly-once are covered on a real broker by MilestoneAlertCrashIT.
 */
class WriteBackStoreTest {

	private final MockProcessorContext<String, Long> context = new MockProcessorContext<>();

	private KeyValueStore<String, Long> below;

	private WriteBackStore<Long> store;

	/** Each entry weighs its overhead plus its value in bytes. */
	private static final long ENTRY = WriteBackStore.ENTRY_OVERHEAD_BYTES;

	private void open(int capacity) {
		open(capacity, new WriteBackBudget(Long.MAX_VALUE));
	}

	private void open(int capacity, WriteBackBudget budget) {
		below = newBelow("state");
		store = open(below, capacity, budget);
	}

	private static KeyValueStore<String, Long> newBelow(String name) {
		return Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), Serdes.String(), Serdes.Long())
			.withLoggingDisabled()
			.build();
	}

	private WriteBackStore<Long> open(KeyValueStore<String, Long> below, int capacity, WriteBackBudget budget) {
		WriteBackStore<Long> opened = new WriteBackStore<>(below, capacity, value -> value, budget);
		opened.init(context.getStateStoreContext(), opened);
		return opened;
	}

	@AfterEach
	void close() {
		if (store != null && store.isOpen()) {
			store.close();
		}
	}

	@Test
	void shouldWriteEachChangedKeyBackOnceWhenCachesAreFlushed() {
		open(100);
		store.put("a", 1L);
		store.put("a", 2L);
		store.put("b", 7L);

		assertThat(store.get("a")).isEqualTo(2L);
		assertThat(below.get("a")).as("not written before the flush").isNull();
		store.flushCache();
		assertThat(below.get("a")).isEqualTo(2L);
		assertThat(below.get("b")).isEqualTo(7L);
	}

	@Test
	void shouldReadThroughToTheStoreBelowAndKeepWhatItRead() {
		open(100);
		below.put("a", 5L);

		assertThat(store.get("a")).isEqualTo(5L);
		assertThat(store.get("missing")).isNull();
		assertThat(store.cached()).isEqualTo(2);
		store.put("a", store.get("a") + 1);
		store.flushCache();
		assertThat(below.get("a")).isEqualTo(6L);
		assertThat(below.get("missing")).as("a key only read is not written").isNull();
	}

	@Test
	void shouldLoseOnlyTheChangesSinceTheLastFlushWhenClearedAsOnADirtyClose() {
		open(100);
		store.put("a", 1L);
		store.flushCache();
		store.put("a", 2L);
		store.put("b", 3L);

		store.clearCache();
		assertThat(store.get("a")).as("the state of the last commit").isEqualTo(1L);
		assertThat(store.get("b")).isNull();
		store.flush();
		assertThat(below.get("b")).isNull();
	}

	@Test
	void shouldDeleteFromTheStoreBelowOnFlush() {
		open(100);
		below.put("a", 1L);

		assertThat(store.delete("a")).isEqualTo(1L);
		assertThat(store.get("a")).isNull();
		assertThat(below.get("a")).isEqualTo(1L);
		store.flush();
		assertThat(below.get("a")).isNull();
	}

	@Test
	void shouldWriteEverythingBackWhenFullAndStayBounded() {
		open(2);
		store.put("a", 1L);
		store.put("b", 2L);
		assertThat(below.approximateNumEntries()).isZero();

		store.put("c", 3L);
		assertThat(below.get("a")).isEqualTo(1L);
		assertThat(below.get("b")).isEqualTo(2L);
		assertThat(below.get("c")).as("the entry that did not fit is cached").isNull();
		assertThat(store.cached()).isEqualTo(1);
		assertThat(store.get("a")).isEqualTo(1L);
	}

	@Test
	void shouldWriteBackBeforeARangeRead() {
		open(100);
		store.putAll(List.of(KeyValue.pair("a", 1L), KeyValue.pair("b", 2L)));

		try (KeyValueIterator<String, Long> all = store.all()) {
			assertThat(all).toIterable().extracting(entry -> entry.key + "=" + entry.value).containsExactly("a=1", "b=2");
		}
	}

	@Test
	void shouldWriteBackAndEmptyTheStoreThatExceedsTheSharedBudget() {
		WriteBackBudget budget = new WriteBackBudget(3 * ENTRY + 6);
		open(100, budget);
		KeyValueStore<String, Long> otherBelow = newBelow("other");
		WriteBackStore<Long> other = open(otherBelow, 100, budget);
		try {
			store.put("a", 1L);
			store.put("b", 2L);
			other.put("c", 3L);
			assertThat(budget.used()).isEqualTo(3 * ENTRY + 6);
			assertThat(otherBelow.get("c")).as("within the budget, nothing written").isNull();

			other.put("d", 4L);
			assertThat(otherBelow.get("c")).isEqualTo(3L);
			assertThat(otherBelow.get("d")).isEqualTo(4L);
			assertThat(other.cached()).as("the store that exceeded the budget emptied itself").isZero();
			assertThat(store.cached()).as("the other store keeps its entries").isEqualTo(2);
			assertThat(below.get("a")).isNull();
			assertThat(budget.used()).isEqualTo(2 * ENTRY + 3);
		}
		finally {
			other.close();
		}
		assertThat(budget.used()).isEqualTo(2 * ENTRY + 3);
		store.close();
		assertThat(budget.used()).as("closing gives the room back").isZero();
	}

	@Test
	void shouldChargeAValueThatGrowsAndWriteBackWhenItNoLongerFits() {
		WriteBackBudget budget = new WriteBackBudget(2 * ENTRY + 100);
		open(100, budget);
		store.put("a", 10L);
		store.put("b", 10L);
		assertThat(below.approximateNumEntries()).isZero();

		store.put("a", 91L);
		assertThat(below.get("a")).isEqualTo(91L);
		assertThat(below.get("b")).isEqualTo(10L);
		assertThat(store.cached()).isZero();
		assertThat(budget.used()).isZero();
		assertThat(store.get("a")).as("read back from the store below").isEqualTo(91L);
		assertThat(budget.used()).isEqualTo(ENTRY + 91);
	}

	@Test
	void shouldGiveTheRoomOfDroppedChangesBackOnADirtyClose() {
		WriteBackBudget budget = new WriteBackBudget(Long.MAX_VALUE);
		open(100, budget);
		store.put("a", 5L);
		store.delete("b");
		assertThat(budget.used()).isEqualTo(2 * ENTRY + 5);

		store.clearCache();
		assertThat(budget.used()).isZero();
	}

}
