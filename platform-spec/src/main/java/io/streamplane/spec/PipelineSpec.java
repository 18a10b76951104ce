package io.streamplane.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A validated pipeline: sources, a graph of transforms, outputs, feature views and vector indexes. Read one with
 * {@link SpecReader}; the model below is what it returns.
 *
 * <h2>Spec format</h2>
 * A spec is one JSON object, or the same object in YAML:
 * <pre>
 * name: merchant-revenue                      # required; DNS label: [a-z0-9-], 1-63, alphanumeric ends
 * description: Revenue per merchant           # optional
 * sources:                                    # at least one source or table; name -&gt; source
 *   payments:
 *     kafka: { topic: payments, format: json } # required; format defaults to json
 *     key: "merchant_id"                      # optional CEL; default: the Kafka record key
 *     eventTime: { field: ts, unit: seconds } # optional; unit: seconds | millis | iso8601;
 *                                             #   or { expression: "&lt;cel timestamp&gt;" };
 *                                             #   omitted: the Kafka record timestamp
 *     lateness: 5s                            # optional, default 0s
 *     fields:                                 # optional schema: string, int, double, bool,
 *       ts: int                               #   timestamp, list, map, any
 *       merchant_id: string
 *       amount: double
 * tables:                                     # optional; name -&gt; table, upserted by primary key
 *   merchants:
 *     kafka: { topic: merchants }             # a tombstone or {"op": "delete"} deletes the row
 *     primaryKey: [merchant_id]
 *   users:
 *     postgresCdc: { table: public.users }    # reads sp.cdc.public.users, written by CDC
 *     primaryKey: [id]
 * transforms:                                 # optional; name -&gt; transform; no cycles
 *   enriched:
 *     from: payments                          # a source or transform; a list merges several
 *     steps:
 *       - filter: "amount &gt; 0"                 # CEL, bool
 *       - set: { is_high_value: "amount &gt;= 1000" }
 *       - join: { table: merchants, on: merchant_id, type: left, mode: lookup }
 *   revenue_1m:
 *     from: enriched
 *     steps:
 *       - keyBy: merchant_id                  # or { field: merchant_id, expression: "key" }
 *       - window: { tumbling: 1m, emit: final }
 *         aggregate: { revenue: "sum(amount)", payments: "count()" }
 * outputs:                                    # at least one output, feature view or index; distinct topics
 *   - { from: revenue_1m, kafka: { topic: merchant_revenue_1m, format: json } }
 * features:                                   # optional online feature views, see FeatureView
 *   - name: merchant_stats                    # unique across all pipelines
 *     from: enriched                          # a source or transform
 *     entity: merchant_id                     # the field holding the entity key
 *     tileSize: 1m                            # default 1m; windows are multiples of it
 *     ttl: 1h                                 # optional; default: the longest window
 *     features:
 *       payments_5m: { aggregate: "count()", window: 5m }
 *       payers_1h: { aggregate: "count_distinct(customer_id)", window: 1h }
 * indexes:                                    # optional live vector indexes, see VectorIndex
 *   - name: user_notes                        # unique across all pipelines: /search/user_notes
 *     from: users                             # a table, or a transform that yields a table
 *     text: notes                             # a CEL string expression, or a list of fields
 *     metadata: [name, tier]                  # optional
 *     chunking: { maxTokens: 120, overlap: 15 } # optional; the default
 * processing:                                 # optional
 *   guarantee: exactly_once                   # or at_least_once
 *   deadLetterTopic: sp.dlq.merchant-revenue  # the default: sp.dlq.&lt;name&gt;
 * </pre>
 * <ul>
 * <li><b>Names</b> of sources, tables and transforms share one namespace: a letter, then letters, digits,
 * {@code _} or {@code -}, at most 63 characters. Field names are CEL identifiers; {@code key} is
 * reserved for the record key.</li>
 * <li><b>Durations</b> are whole numbers with units {@code d h m s ms}, largest first:
 * {@code 500ms}, {@code 10s}, {@code 5m}, {@code 1h30m}.</li>
 * <li><b>Steps</b> are objects with one key: {@code filter}, {@code set}, {@code select},
 * {@code explode: { field, from }}, {@code keyBy}, {@code window} with its sibling
 * {@code aggregate}, the per-key state steps {@code dedupe}, {@code running},
 * {@code crossing} and {@code changes}, or {@code join}; see {@link Step}. Window kinds: {@code tumbling: 1m},
 * {@code hopping: { size, advance }}, {@code sliding: { size }}, {@code session: { gap }}; see
 * {@link WindowKind}. {@code emit} is {@code final} (default) or {@code updates}. Aggregates:
 * {@code count() sum(x) min(x) max(x) avg(x) first(x) last(x) collect(x) count_distinct(x)},
 * where {@code x} is a CEL expression.</li>
 * <li><b>Expressions</b> are CEL ({@link ExpressionEnvironment}); record fields are top-level
 * variables, the record key is {@code key}. With a declared schema, fields are typed and the
 * schema flows through the steps: {@code set} adds fields typed by their expressions,
 * {@code select} narrows, {@code explode} adds the element, a window yields its key field,
 * {@code window_start}, {@code window_end} (timestamps, written as ISO-8601) and its
 * aggregates, {@code running} adds its aggregates, {@code crossing} its threshold field and
 * {@code changes} its previous-value field ({@code dyn}); so a misspelt field or a type error
 * is reported at validation. Without a schema, fields are {@code dyn}: only syntax and unknown
 * functions are reported before run time.</li>
 * <li><b>Tables and joins</b>: a {@link Table} is upserted by its primary key; {@code join}
 * ({@link Step.Join}) joins rows with a table on a primary or foreign key. A transform reading a
 * table, or joining a stream with a table in {@code reactive} mode, yields a table: its output is
 * a change stream of JSON objects with {@code "op": "+"} (insertion) or {@code "op": "-"}
 * (retraction) and the row's fields; an update is a retraction then an insertion. Only
 * {@code filter}, {@code set}, {@code select} and {@code join} apply to a table.</li>
 * <li><b>Feature views</b> ({@link FeatureView}) aggregate a stream per entity into tiles of
 * event time, written to {@code sp.features.<pipeline>.<view>} and served by the feature server as
 * of request time. Any aggregate but {@code collect}; {@code count_distinct} is approximate.</li>
 * <li><b>Vector indexes</b> ({@link VectorIndex}) follow a table: every change of a row is written, as
 * its text and metadata or as its delete, to {@code sp.index.<pipeline>.<index>}, which the rag-indexer
 * chunks, embeds and serves at {@code /search/<index>}. A row is identified by the primary key of the
 * table the index reads.</li>
 * </ul>
 *
 * @param name the pipeline name, a DNS label
 * @param description free text, {@code ""} if none
 * @param sources the sources by name, in document order
 * @param transforms the transforms by name, in a data-flow order: each after every transform it
 * reads, so an engine can build them in iteration order
 * @param outputs the outputs, in document order
 * @param processing the processing settings, defaults filled in
 * @param tables the tables by name, in document order
 * @param features the online feature views, in document order
 * @param indexes the vector indexes, in document order
 */
public record PipelineSpec(String name, String description, Map<String, Source> sources,
		Map<String, Transform> transforms, List<Output> outputs, Processing processing, Map<String, Table> tables,
		List<FeatureView> features, List<VectorIndex> indexes) {

	public PipelineSpec {
		features = List.copyOf(features);
		indexes = List.copyOf(indexes);
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(description, "description");
		sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
		transforms = Collections.unmodifiableMap(new LinkedHashMap<>(transforms));
		outputs = List.copyOf(outputs);
		Objects.requireNonNull(processing, "processing");
		tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
	}

	/** A pipeline without tables, feature views or indexes. */
	public PipelineSpec(String name, String description, Map<String, Source> sources,
			Map<String, Transform> transforms, List<Output> outputs, Processing processing) {
		this(name, description, sources, transforms, outputs, processing, Map.of(), List.of(), List.of());
	}

}
