package io.streamplane.role;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * A role one Streamplane process can play. {@code streamplane.roles} lists the roles a process
 * runs; {@code all} (the default) runs every role in one JVM.
 */
public enum Role {

	/** Pipeline registry, REST API, desired-state publication, status aggregation, web console. */
	CONTROL_PLANE("control-plane"),

	/** Runs pipelines as Kafka Streams applications and captures PostgreSQL changes. */
	ENGINE("engine"),

	/** Serves online features from RocksDB. */
	FEATURE_SERVER("feature-server"),

	/** Maintains live vector indexes and serves search. */
	RAG_INDEXER("rag-indexer");

	/** The value of {@code streamplane.roles} that enables every role. */
	public static final String ALL = "all";

	private final String id;

	Role(String id) {
		this.id = id;
	}

	/** The identifier used in {@code streamplane.roles}, e.g. {@code control-plane}. */
	public String id() {
		return id;
	}

	/** The role with this identifier, ignoring case, if there is one. */
	public static Optional<Role> fromId(String id) {
		String wanted = id.trim().toLowerCase(Locale.ROOT);
		return Arrays.stream(values()).filter(role -> role.id.equals(wanted)).findFirst();
	}

	/** Every valid value of {@code streamplane.roles}, for error messages. */
	public static String allowedValues() {
		return ALL + ", " + String.join(", ", Arrays.stream(values()).map(Role::id).toList());
	}

}
