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

	private void open(int capacity) {
		below = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("state"), Serdes.String(), Serdes.Long())
			.withLoggingDisabled()
			.build();
		store = new WriteBackStore<>(below, capacity);
		store.init(context.getStateStoreContext(), store);
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

}
