package io.streamplane.engine.compile.internal.index;

import io.streamplane.engine.compile.internal.table.ChangelogCompiler;
import io.streamplane.engine.compile.internal.value.Row;
import io.streamplane.engine.compile.internal.wiring.Compilation;
import io.streamplane.spec.VectorIndex;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/**
 * Compiles a vector index: the changelog of the table it follows, partitioned by row key, goes through
 * {@link IndexProjection} (a per-row step with its dead-letter child) and {@link IndexWriter} (its store of what was
 * written, {@code <path>.written}, with a changelog) into a sink writing {@code sp.index.<pipeline>.<index>}.
 * Exactly-once comes from the pipeline's processing guarantee: the index records, the store's changelog and
 * the input offsets commit in one transaction. Nodes and the store are named from the index's spec path,
 * e.g. {@code indexes.0.write}.
 */
public final class IndexCompiler {

	private final Compilation compilation;

	private final ChangelogCompiler tables;

	/** @param tables applies the projection to the changelog as a per-row step */
	public IndexCompiler(Compilation compilation, ChangelogCompiler tables) {
		this.compilation = compilation;
		this.tables = tables;
	}

	/**
	 * @param changelog the rows of the table the index follows, keyed by row key, {@code null} for a delete
	 * @param path the index's spec path, e.g. {@code indexes[0]}
	 */
	public void compile(KStream<String, Row> changelog, VectorIndex index, String path) {
		KStream<String, Row> projected = tables.perRow(changelog, path, "project",
				deadLetter -> new IndexProjection(index, path, deadLetter));
		String store = Compilation.name(path, "written");
		compilation.builder().addStateStore(Stores.keyValueStoreBuilder(compilation.keyValueStore(store),
				Serdes.String(), Serdes.ByteArray()));
		projected.process(() -> new IndexWriter(index.name(), store, compilation.counting()),
				Named.as(Compilation.name(path, "write")), store)
			.to(index.topic(compilation.pipeline()), Produced.with(Serdes.ByteArray(), Serdes.ByteArray())
				.withName(Compilation.name(path, "sink")));
	}

}
