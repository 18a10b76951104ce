package io.streamplane.engine.preview;

import static io.streamplane.engine.preview.Previews.json;
import static io.streamplane.engine.preview.Previews.spec;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Indexes through preview: each row change becomes an upsert with text and metadata or a delete, keyed by the
 * primary key, on {@code sp.index.<pipeline>.<index>}; a change of a joined row re-emits exactly the rows
 * whose metadata it changes, with their text as it was (so the indexer embeds nothing again).
 */
class IndexesPreviewTest {

	private static final String C8 = """
			name: c8
			tables:
			  documents:
			    postgresCdc: { table: public.documents }
			    primaryKey: [doc_id]
			indexes:
			  - name: documents
			    from: documents
			    text: body
			""";

	private static final String JOINED = """
			name: library
			tables:
			  documents:
			    postgresCdc: { table: public.documents }
			    primaryKey: [doc_id]
			  categories:
			    kafka: { topic: categories }
			    primaryKey: [category_id]
			transforms:
			  with_category:
			    from: documents
			    steps:
			      - filter: "published"
			      - join: { table: categories, on: category_id, type: left }
			      - select: [doc_id, title, body, name]
			indexes:
			  - name: docs
			    from: with_category
			    text: [title, body]
			    metadata: [name]
			""";

	private final PipelinePreview preview = new PipelinePreview();

	private static PreviewInput document(int id, String row) {
		return PreviewInput.tableChange("documents", "{\"doc_id\": " + id + "}", row == null ? null : json(row));
	}

	private static PreviewInput category(int id, String name) {
		return PreviewInput.tableChange("categories", Integer.toString(id),
				json("{\"category_id\": " + id + ", \"name\": \"" + name + "\"}"));
	}

	private static PreviewInput doc(int id, String title, int category, boolean published) {
		return document(id, "{\"doc_id\": " + id + ", \"title\": \"" + title + "\", \"body\": \"About " + title +
				".\", \"category_id\": " + category + ", \"published\": " + published + ", \"views\": 0}");
	}

	private static List<String> changes(PreviewResult result, String topic) {
		return result.outputs().get(topic).stream().map(output -> output.key() + " " + output.value()).toList();
	}

	@Test
	void shouldFollowTheC8TableThroughInsertUpdateAndDelete() {
		PreviewResult result = preview.run(spec(C8), List.of(
				document(1, "{\"doc_id\": 1, \"body\": \"Bytewax is a Python streaming framework with a Rust core.\"}"),
				document(2, "{\"doc_id\": 2, \"body\": \"Pathway is reactive incremental Python.\"}"),
				document(1, "{\"doc_id\": 1, \"body\": \"Bytewax uses Timely Dataflow for execution.\"}"),
				document(2, null)));

		assertThat(result.deadLetters()).isEmpty();
		assertThat(changes(result, "sp.index.c8.documents")).containsExactly(
				"{\"doc_id\":1} {\"text\":\"Bytewax is a Python streaming framework with a Rust core.\",\"metadata\":{}}",
				"{\"doc_id\":2} {\"text\":\"Pathway is reactive incremental Python.\",\"metadata\":{}}",
				"{\"doc_id\":1} {\"text\":\"Bytewax uses Timely Dataflow for execution.\",\"metadata\":{}}",
				"{\"doc_id\":2} null");
	}

	@Test
	void shouldReEmitTheRowsOfARenamedCategoryWithTheirTextAsItWas() {
		PreviewResult result = preview.run(spec(JOINED), List.of(
				category(10, "Streaming"), category(20, "Storage"),
				doc(1, "Kafka", 10, true), doc(2, "Flink", 10, true), doc(3, "RocksDB", 20, true),
				category(10, "Stream processing"),
				document(3, "{\"doc_id\": 3, \"title\": \"RocksDB\", \"body\": \"About RocksDB.\", \"category_id\": 20, " +
						"\"published\": true, \"views\": 7}"),
				category(20, "Storage")));

		assertThat(result.deadLetters()).isEmpty();
		assertThat(changes(result, "sp.index.library.docs")).containsExactly(
				"{\"doc_id\":1} {\"text\":\"Kafka\\n\\nAbout Kafka.\",\"metadata\":{\"name\":\"Streaming\"}}",
				"{\"doc_id\":2} {\"text\":\"Flink\\n\\nAbout Flink.\",\"metadata\":{\"name\":\"Streaming\"}}",
				"{\"doc_id\":3} {\"text\":\"RocksDB\\n\\nAbout RocksDB.\",\"metadata\":{\"name\":\"Storage\"}}",
				"{\"doc_id\":1} {\"text\":\"Kafka\\n\\nAbout Kafka.\",\"metadata\":{\"name\":\"Stream processing\"}}",
				"{\"doc_id\":2} {\"text\":\"Flink\\n\\nAbout Flink.\",\"metadata\":{\"name\":\"Stream processing\"}}");
	}

	@Test
	void shouldDeleteARowThatLeavesTheTableThroughAFilterAndIgnoreADeleteOfARowNeverWritten() {
		PreviewResult result = preview.run(spec(JOINED), List.of(
				category(10, "Streaming"),
				doc(1, "Kafka", 10, true), doc(2, "Draft", 10, false),
				doc(1, "Kafka", 10, false), document(2, null), document(1, null)));

		assertThat(result.deadLetters()).isEmpty();
		assertThat(changes(result, "sp.index.library.docs")).containsExactly(
				"{\"doc_id\":1} {\"text\":\"Kafka\\n\\nAbout Kafka.\",\"metadata\":{\"name\":\"Streaming\"}}",
				"{\"doc_id\":1} null");
	}

	@Test
	void shouldDeadLetterARowWhoseTextFailsAndDeleteWhatWasWrittenForIt() {
		String spec = C8.replace("text: body", "text: \"title + ': ' + body\"");

		PreviewResult result = preview.run(spec(spec), List.of(
				document(1, "{\"doc_id\": 1, \"title\": \"Kafka\", \"body\": \"A log.\"}"),
				document(1, "{\"doc_id\": 1, \"body\": \"A log without a title.\"}")));

		assertThat(changes(result, "sp.index.c8.documents")).containsExactly(
				"{\"doc_id\":1} {\"text\":\"Kafka: A log.\",\"metadata\":{}}",
				"{\"doc_id\":1} null");
		assertThat(result.deadLetters()).singleElement().satisfies(deadLetter -> {
			assertThat(deadLetter.step()).isEqualTo("indexes[0]");
			assertThat(deadLetter.reason()).contains("missing field 'title'");
		});
	}

}
