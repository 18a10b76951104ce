package io.streamplane.engine.compile.internal.table;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.streamplane.engine.compile.internal.value.Origin;
import io.streamplane.engine.compile.internal.value.Row;
import io.streamplane.engine.compile.internal.value.RowSerde;
import io.streamplane.spec.JoinType;
import io.streamplane.spec.PipelineSpec;
import io.streamplane.spec.SpecFormat;
import io.streamplane.spec.SpecReader;
import io.streamplane.spec.Step;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14: the events of a retracting reactive join look up the table row they were joined with once per join
 * key, not once per event (that lookup was a quarter of the stream thread's CPU in the reactive join benchmark),
 * and the row is still stored when the first event of a key finds one. That retractions stay the same through
 * deletes and re-created rows is checked against the layout with a store of emitted rows by
 * {@code RecomputedRetractionsTest}.
 */
class RememberedEventsTest {

	private static final String SPEC = """
			name: remembered
			sources:
			  clicks: { kafka: { topic: clicks } }
			tables:
			  users: { kafka: { topic: users }, primaryKey: [id] }
			transforms:
			  enriched:
			    from: clicks
			    steps:
			      - join: { table: users, on: user_id, type: inner }
			outputs:
			  - { from: enriched, kafka: { topic: enriched } }
			""";

	private final MockProcessorContext<String, Row> context = new MockProcessorContext<>();

	private final List<String> lookups = new ArrayList<>();

	private KeyValueStore<String, Row> store;

	private RememberedEvents remembered;

	@BeforeEach
	void open() {
		PipelineSpec spec = new SpecReader().read(SPEC, SpecFormat.YAML).spec();
		Step.Join join = (Step.Join) spec.transforms().get("enriched").steps().getFirst();
		KeyValueStore<String, Row> inMemory = Stores
			.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("remembered"), Serdes.String(), new RowSerde())
			.withLoggingDisabled()
			.build();
		inMemory.init(context.getStateStoreContext(), inMemory);
		store = countingLookups(inMemory);
		context.addStateStore(store);
		remembered = new RememberedEvents("remembered", JoinedRows.of(join, spec.tables().get("users")), JoinType.INNER,
				true);
		remembered.init(context);
	}

	@Test
	void shouldLookUpTheRowEventsWereJoinedWithOncePerJoinKey() {
		Row ada = row(Map.of("id", 1L, "name", "Ada"));
		Row bob = row(Map.of("id", 2L, "name", "Bob"));
		for (int i = 0; i < 5; i++) {
			click("c" + i, "1", ada);
			click("d" + i, "2", bob);
		}

		assertThat(lookups).containsExactly(RememberedEvents.prefix("1"), RememberedEvents.prefix("2"));
		assertThat(store.get(RememberedEvents.prefix("1")).fields()).isEqualTo(ada.fields());
		assertThat(store.get(RememberedEvents.prefix("2")).fields()).isEqualTo(bob.fields());
		assertThat(context.forwarded()).hasSize(10);
	}

	@Test
	void shouldKeepTheRowAnEarlierEventOfTheKeyStoredWhenItIsNoLongerKnown() {
		Row ada = row(Map.of("id", 1L, "name", "Ada"));
		Row adaRenamed = row(Map.of("id", 1L, "name", "Ada L."));
		click("c0", "1", ada);
		store.put(RememberedEvents.prefix("1"), adaRenamed);
		remembered.init(context);
		lookups.clear();

		click("c1", "1", adaRenamed);

		assertThat(lookups).containsExactly(RememberedEvents.prefix("1"));
		assertThat(store.get(RememberedEvents.prefix("1")).fields()).isEqualTo(adaRenamed.fields());
	}

	private void click(String identity, String userId, Row user) {
		RecordHeaders headers = new RecordHeaders();
		EventNames.mark(headers, identity, false);
		Row event = row(Map.of("page", "/" + identity, "user_id", Long.valueOf(userId)));
		remembered.process(new Record<>(userId, new EventMatch(event, user), 0L, headers));
	}

	private static Row row(Map<String, Object> fields) {
		return Row.of(fields, new Origin(null, fields.toString().getBytes(StandardCharsets.UTF_8)));
	}

	/** {@code store}, noting the key of each {@code get}. */
	@SuppressWarnings("unchecked")
	private KeyValueStore<String, Row> countingLookups(KeyValueStore<String, Row> store) {
		return (KeyValueStore<String, Row>) Proxy.newProxyInstance(getClass().getClassLoader(),
				new Class<?>[] { KeyValueStore.class }, (proxy, method, args) -> {
					if (method.getName().equals("get")) {
						lookups.add((String) args[0]);
					}
					try {
						return method.invoke(store, args);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

}
