package io.streamplane.spec;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import tools.jackson.databind.JsonNode;

/**
 * Validates each published pipeline version once. The control plane re-publishes every pipeline's
 * desired state every reconcile interval, and every role that follows {@code sp.pipelines} (engine,
 * feature server, rag indexer) needs the typed spec of the version it reads; asking this cache instead
 * of a {@link SpecReader} makes a re-publication of the same version a lookup, not a new parse of every
 * CEL expression.
 * <p>
 * Entries are keyed by pipeline name, version and the spec document itself (compared by content), so
 * a version published again with a different document is validated again rather than answered from a
 * stale entry. A document that fails validation is remembered too: the same
 * {@link StreamplaneSpecException} is thrown again without validating again. The cache keeps the
 * {@code capacity} most recently used versions and drops the least recently used beyond that.
 * <p>
 * Instances are thread-safe.
 */
public final class SpecVersions {

	/** How many versions {@link #SpecVersions()} keeps: far more than the pipelines of one platform. */
	public static final int DEFAULT_CAPACITY = 1_000;

	private final SpecReader reader;

	private final Map<Key, Outcome> outcomes;

	private long validations;

	/** A cache of {@link #DEFAULT_CAPACITY} versions validated by a reader with default limits. */
	public SpecVersions() {
		this(new SpecReader(), DEFAULT_CAPACITY);
	}

	/**
	 * @param reader validates the documents not cached
	 * @param capacity how many versions are kept, at least 1
	 */
	public SpecVersions(SpecReader reader, int capacity) {
		this.reader = Objects.requireNonNull(reader, "reader");
		if (capacity < 1) {
			throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
		}
		this.outcomes = new LinkedHashMap<>(16, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<Key, Outcome> eldest) {
				return size() > capacity;
			}
		};
	}

	/**
	 * The validated spec of one version of a pipeline, validated on the first call for this document only.
	 * @param pipeline the pipeline name
	 * @param version the pipeline version
	 * @param document the spec document of that version; not modified
	 * @return the validated spec, the same instance for every call with an equal document
	 * @throws StreamplaneSpecException if the document is invalid (the same instance on every call)
	 */
	public synchronized ValidatedSpec validated(String pipeline, int version, JsonNode document) {
		Objects.requireNonNull(pipeline, "pipeline");
		Objects.requireNonNull(document, "document");
		Key key = new Key(pipeline, version, document);
		Outcome outcome = outcomes.get(key);
		if (outcome == null) {
			outcome = validate(document);
			outcomes.put(new Key(pipeline, version, outcome.document()), outcome);
		}
		if (outcome.failure() != null) {
			throw outcome.failure();
		}
		return outcome.spec();
	}

	/** How many documents were validated so far: one per version, document and eviction, not per call. */
	public synchronized long validations() {
		return validations;
	}

	private Outcome validate(JsonNode document) {
		validations++;
		try {
			ValidatedSpec spec = reader.read(document);
			return new Outcome(spec, null, spec.document());
		}
		catch (StreamplaneSpecException ex) {
			return new Outcome(null, ex, document.deepCopy());
		}
	}

	private record Key(String pipeline, int version, JsonNode document) {
	}

	private record Outcome(ValidatedSpec spec, StreamplaneSpecException failure, JsonNode document) {
	}

}
