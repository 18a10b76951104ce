package io.streamplane.rag.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.MeterRegistry;

import io.streamplane.rag.RagIndexerProperties;
import io.streamplane.rag.embed.Embedder;
import io.streamplane.rag.index.IndexStore;
import io.streamplane.spec.IndexText;
import io.streamplane.spec.VectorIndex;

/**
 * The indexes this indexer keeps, by index name (names are unique across pipelines: the control plane refuses a
 * second pipeline with an index of a name already taken, so {@code /search/{index}} needs no pipeline). Each has
 * a store under {@code <dataDir>/<pipeline>/<index>} and a follower of its topic. A pipeline's indexes are
 * (re)defined from its spec: new ones start, removed ones stop and their directories are deleted, changed ones
 * restart (a store whose chunking changed rebuilds from the topic's start). Thread-safe.
 */
public final class Indexes implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(Indexes.class);

	private record Running(String pipeline, VectorIndex index, IndexFollower follower, IndexMeters meters) {
	}

	private final RagIndexerProperties properties;

	private final Embedder embedder;

	private final IndexConsumers consumers;

	private final MeterRegistry registry;

	private final Map<String, Running> running = new LinkedHashMap<>();

	/**
	 * @param properties where stores live and how they refresh and commit
	 * @param embedder the model of every index
	 * @param consumers the index topic consumers
	 * @param registry where each index's meters go ({@link IndexMeters})
	 */
	public Indexes(RagIndexerProperties properties, Embedder embedder, IndexConsumers consumers,
			MeterRegistry registry) {
		this.properties = properties;
		this.embedder = embedder;
		this.consumers = consumers;
		this.registry = registry;
	}

	/** Keeps exactly {@code indexes} for {@code pipeline}. */
	public synchronized void define(String pipeline, List<VectorIndex> indexes) {
		Map<String, VectorIndex> wanted = new HashMap<>();
		indexes.forEach(index -> wanted.put(index.name(), index));
		for (Running current : new ArrayList<>(running.values())) {
			if (current.pipeline().equals(pipeline) && !same(current.index(), wanted.get(current.index().name()))) {
				stop(current, !wanted.containsKey(current.index().name()));
			}
		}
		for (VectorIndex index : indexes) {
			Running current = running.get(index.name());
			if (current == null) {
				start(pipeline, index);
			}
			else if (!current.pipeline().equals(pipeline)) {
				log.warn("Index '{}' of pipeline {} is ignored: pipeline {} has an index of that name", index.name(),
						pipeline, current.pipeline());
			}
		}
	}

	/** Whether two definitions index the same way (expressions compared by their text). */
	private static boolean same(VectorIndex a, VectorIndex b) {
		return b != null && a.from().equals(b.from()) && a.key().equals(b.key()) && a.metadata().equals(b.metadata())
				&& a.chunking().equals(b.chunking()) && text(a.text()).equals(text(b.text()));
	}

	private static Object text(IndexText text) {
		return switch (text) {
			case IndexText.Computed computed -> computed.expression().text();
			case IndexText.Fields fields -> fields.fields();
		};
	}

	/** Stops the indexes of a deleted pipeline and deletes their data. */
	public synchronized void remove(String pipeline) {
		for (Running current : new ArrayList<>(running.values())) {
			if (current.pipeline().equals(pipeline)) {
				stop(current, true);
			}
		}
	}

	/** The store of the index with this name, if kept. */
	public synchronized Optional<IndexStore> find(String index) {
		return Optional.ofNullable(running.get(index)).map(current -> current.follower().store());
	}

	/** Every store, in the order they were defined. */
	public synchronized Collection<IndexStore> all() {
		return running.values().stream().map(current -> current.follower().store()).toList();
	}

	private void start(String pipeline, VectorIndex index) {
		Path path = properties.dataDir().resolve(pipeline).resolve(index.name());
		try {
			Files.createDirectories(path);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot create the index directory " + path, ex);
		}
		IndexStore store = IndexStore.open(new IndexStore.Definition(pipeline, index.name(), index.chunking()), path,
				embedder, properties.refreshInterval(), properties.commitInterval(), properties.vectorCandidates());
		IndexFollower follower = new IndexFollower(store, index.topic(pipeline), consumers, properties.pollTimeout(),
				properties.applyBatch());
		running.put(index.name(), new Running(pipeline, index, follower, new IndexMeters(registry, store)));
		follower.start();
		log.info("Indexing '{}' of pipeline {} in {}", index.name(), pipeline, path);
	}

	private void stop(Running current, boolean deleteData) {
		running.remove(current.index().name());
		current.meters().remove();
		current.follower().stop();
		if (deleteData) {
			delete(properties.dataDir().resolve(current.pipeline()).resolve(current.index().name()));
			log.info("Deleted index '{}' of pipeline {}", current.index().name(), current.pipeline());
		}
	}

	private static void delete(Path path) {
		if (!Files.exists(path)) {
			return;
		}
		try (Stream<Path> files = Files.walk(path)) {
			for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(file);
			}
		}
		catch (IOException ex) {
			log.warn("Could not delete {}: {}", path, ex.getMessage());
		}
	}

	/** Stops every follower and closes (commits) every store. */
	@Override
	public synchronized void close() {
		for (Running current : new ArrayList<>(running.values())) {
			stop(current, false);
		}
	}

}
