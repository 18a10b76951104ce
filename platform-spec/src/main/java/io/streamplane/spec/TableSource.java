package io.streamplane.spec;

import java.util.Objects;

/** Where a {@link Table}'s changes come from: a Kafka topic, or a PostgreSQL table through CDC. */
public sealed interface TableSource {

	/** The Kafka topic the changes are read from. */
	String topic();

	/**
	 * A Kafka topic of JSON rows, written by anyone: {@code kafka: { topic: customers }}.
	 *
	 * @param kafka the topic
	 */
	record Kafka(KafkaTopic kafka) implements TableSource {

		public Kafka {
			Objects.requireNonNull(kafka, "kafka");
		}

		@Override
		public String topic() {
			return kafka.topic();
		}

	}

	/**
	 * A PostgreSQL table captured by Streamplane's CDC: {@code postgresCdc: { table: public.users }}.
	 * Its changes land on the topic {@code sp.cdc.<schema>.<table>}: key a JSON object of the
	 * primary-key columns, value the row after the change as a JSON object, a tombstone for a delete.
	 * The connection comes from the engine's configuration, never from the spec.
	 *
	 * @param schema the PostgreSQL schema, {@code public} unless the spec names another
	 * @param table the table name
	 */
	record PostgresCdc(String schema, String table) implements TableSource {

		/** The prefix of the topics CDC writes. */
		public static final String TOPIC_PREFIX = "sp.cdc.";

		public PostgresCdc {
			Objects.requireNonNull(schema, "schema");
			Objects.requireNonNull(table, "table");
		}

		@Override
		public String topic() {
			return TOPIC_PREFIX + schema + "." + table;
		}

	}

}
