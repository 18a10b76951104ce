package io.streamplane.spec.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.cel.common.types.CelKind;
import io.streamplane.spec.Chunking;
import io.streamplane.spec.Expression;
import io.streamplane.spec.IndexText;
import io.streamplane.spec.VectorIndex;

/**
 * Binds the {@code indexes} list: each index's table, text, metadata fields and chunking, reporting every
 * problem at its path.
 */
final class IndexBinder {

	private static final List<String> FIELDS = List.of("name", "from", "text", "metadata", "chunking");

	private static final List<String> CHUNKING_FIELDS = List.of("maxTokens", "overlap");

	private static final String TEXT_FORMS = "a field (text: body), a CEL string expression " +
			"(text: \"title + '\\n\\n' + body\") or a list of fields (text: [title, body])";

	private final ExpressionCompiler expressions;

	IndexBinder(ExpressionCompiler expressions) {
		this.expressions = expressions;
	}

	/**
	 * @param rows what each source, table and transform yields, keyed by name
	 * @param schemas the schema of each source, table and transform's records
	 */
	List<VectorIndex> bind(Optional<Node> node, Map<String, IndexedRows> rows, Map<String, Schema> schemas) {
		List<Node> elements = node.map(n -> n.elements("a list of indexes")).orElse(List.of());
		List<String> names = new ArrayList<>();
		List<VectorIndex> indexes = new ArrayList<>();
		for (Node element : elements) {
			index(element, rows, schemas, names).ifPresent(indexes::add);
		}
		return indexes;
	}

	private Optional<VectorIndex> index(Node node, Map<String, IndexedRows> rows, Map<String, Schema> schemas,
			List<String> names) {
		if (!node.isObjectWith(FIELDS)) {
			return Optional.empty();
		}
		int before = node.problems().count();
		Optional<String> name = node.required("name").flatMap(Node::text).filter(text -> Names.checkUnique(node.field("name"), text, names, "index", "docs"));
		Optional<String> from = node.required("from").flatMap(Node::text);
		Optional<List<String>> key = from.flatMap(table -> key(node.field("from"), table, rows));
		Schema schema = from.map(schemas::get).orElse(Schema.dynamic());
		key.ifPresent(fields -> checkKeyKept(node.field("from"), from.get(), fields, schema));
		Optional<IndexText> text = node.required("text").flatMap(textNode -> text(textNode, schema));
		List<String> metadata = node.optional("metadata").map(m -> Columns.bind(m, schema, "metadata")).orElse(List.of());
		Chunking chunking = node.optional("chunking").flatMap(IndexBinder::chunking).orElse(Chunking.DEFAULT);
		if (node.problems().count() > before || name.isEmpty() || key.isEmpty() || text.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new VectorIndex(name.get(), from.get(), key.get(), text.get(), metadata, chunking));
	}

	private static Optional<List<String>> key(Node node, String from, Map<String, IndexedRows> rows) {
		IndexedRows indexed = rows.get(from);
		if (indexed == null) {
			List<String> tables = rows.entrySet().stream().filter(entry -> entry.getValue().key().isPresent())
				.map(Map.Entry::getKey).toList();
			node.report("undefined input '" + from + "'" + Suggestions.hint(from, tables,
					"tables and transforms yielding a table"));
			return Optional.empty();
		}
		if (indexed.key().isEmpty()) {
			node.report(indexed.why());
		}
		return indexed.key();
	}

	private static void checkKeyKept(Node node, String from, List<String> key, Schema schema) {
		for (String field : key) {
			if (schema.type(field).isEmpty()) {
				node.report("the rows of '" + from + "' lack the primary-key field '" + field + "', which identifies a row " +
						"in the index; keep it in the transform's select");
			}
		}
	}

	private Optional<IndexText> text(Node node, Schema schema) {
		if (node.value().isArray()) {
			List<String> fields = Columns.bind(node, schema, "text");
			return fields.isEmpty() ? Optional.empty() : Optional.of(new IndexText.Fields(fields));
		}
		if (!node.value().isString()) {
			node.report("expected " + TEXT_FORMS + ", got " + Node.describe(node.value()));
			return Optional.empty();
		}
		return expressions.compile(node, schema).filter(expression -> isText(node, expression))
			.map(IndexText.Computed::new);
	}

	private static boolean isText(Node node, Expression expression) {
		CelKind kind = expression.resultType().kind();
		if (kind == CelKind.STRING || kind == CelKind.DYN) {
			return true;
		}
		node.report("the text of an index must be a string, but \"" + expression.text() + "\" is " +
				expression.resultType().name() + "; convert it, e.g. \"string(" + expression.text() + ")\", or list " +
				"fields: text: [" + expression.text() + "]");
		return false;
	}

	private static Optional<Chunking> chunking(Node node) {
		if (!node.isObjectWith(CHUNKING_FIELDS)) {
			return Optional.empty();
		}
		Optional<Integer> maxTokens = node.optional("maxTokens")
			.flatMap(n -> n.intBetween(Chunking.MIN_TOKENS, Chunking.MAX_TOKENS));
		int max = maxTokens.orElse(Chunking.DEFAULT.maxTokens());
		Optional<Integer> overlap = node.optional("overlap").flatMap(n -> n.intBetween(0, Chunking.MAX_TOKENS / 2))
			.filter(tokens -> checkOverlap(node.field("overlap"), tokens, max));
		if (node.has("maxTokens") && maxTokens.isEmpty() || node.has("overlap") && overlap.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new Chunking(max, overlap.orElse(max / 8)));
	}

	private static boolean checkOverlap(Node node, int overlap, int maxTokens) {
		if (overlap > maxTokens / 2) {
			node.report("overlap " + overlap + " is more than half of maxTokens " + maxTokens + "; at most " +
					maxTokens / 2 + " (the default is an eighth: " + maxTokens / 8 + ")");
			return false;
		}
		return true;
	}

}
