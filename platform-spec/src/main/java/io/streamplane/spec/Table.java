package io.streamplane.spec;

import java.util.List;
import java.util.Objects;

/**
 * A changelog upserted by primary key: each record of its topic inserts or replaces the row with
 * its primary-key values, and a tombstone (a record without a value) or a value
 * {@code {"op": "delete"}} deletes it. For a tombstone, the Kafka record key names the row: a JSON
 * object of the primary-key fields ({@code {"id": 7}}), or for a single-column key a JSON scalar
 * ({@code 7}) or plain text.
 *
 * <pre>
 * tables:
 *   customers:
 *     kafka: { topic: customers, format: json }
 *     primaryKey: [customer_id]
 *   users:
 *     postgresCdc: { table: public.users }     # reads sp.cdc.public.users
 *     primaryKey: [id]
 * </pre>
 *
 * @param name the name transforms refer to it by; shares the namespace of sources and transforms
 * @param source where its changes come from
 * @param primaryKey the fields whose values identify a row, at least one
 */
public record Table(String name, TableSource source, List<String> primaryKey) {

	public Table {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(source, "source");
		primaryKey = List.copyOf(primaryKey);
		if (primaryKey.isEmpty()) {
			throw new IllegalArgumentException("table '" + name + "' needs a primary key");
		}
	}

	/** The Kafka topic its changes are read from. */
	public String topic() {
		return source.topic();
	}

}
