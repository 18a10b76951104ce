package io.streamplane.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The {@code indexes:} section: what it binds to, and every problem at its path. */
class VectorIndexSpecTest {

	private static final String SPEC = """
			name: library
			sources:
			  clicks:
			    kafka: { topic: clicks }
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
			      - join: { table: categories, on: category_id }
			      - select: [doc_id, title, body, name]
			  clicked:
			    from: clicks
			    steps:
			      - join: { table: documents, on: doc_id }
			indexes:
			  - name: docs
			    from: with_category
			    text: [title, body]
			    metadata: [name]
			""";

	private final SpecReader reader = new SpecReader();

	@Test
	void shouldBindAnIndexOverAJoinWithTheTablesPrimaryKeyAndDefaultChunking() {
		PipelineSpec spec = reader.read(SPEC, SpecFormat.YAML).spec();

		VectorIndex index = spec.indexes().getFirst();
		assertThat(spec.outputs()).isEmpty();
		assertThat(index.name()).isEqualTo("docs");
		assertThat(index.from()).isEqualTo("with_category");
		assertThat(index.key()).containsExactly("doc_id");
		assertThat(index.text()).isEqualTo(new IndexText.Fields(List.of("title", "body")));
		assertThat(index.metadata()).containsExactly("name");
		assertThat(index.chunking()).isEqualTo(Chunking.DEFAULT).isEqualTo(new Chunking(120, 15));
		assertThat(index.topic(spec.name())).isEqualTo("sp.index.library.docs");
	}

	@Test
	void shouldBindATextExpressionAndChunkingWithAnOverlapOfAnEighthByDefault() {
		PipelineSpec spec = reader.read(SPEC.replace("text: [title, body]", "text: \"title + ': ' + body\"")
			.replace("metadata: [name]", "chunking: { maxTokens: 128 }"), SpecFormat.YAML).spec();

		VectorIndex index = spec.indexes().getFirst();
		assertThat(index.text()).isInstanceOfSatisfying(IndexText.Computed.class,
				text -> assertThat(text.expression().text()).isEqualTo("title + ': ' + body"));
		assertThat(index.metadata()).isEmpty();
		assertThat(index.chunking()).isEqualTo(new Chunking(128, 16));
	}

	@Test
	void shouldIndexATableDirectly() {
		PipelineSpec spec = reader.read(SPEC.replace("from: with_category", "from: documents")
			.replace("text: [title, body]", "text: body").replace("metadata: [name]", "metadata: [category_id, author]"),
				SpecFormat.YAML).spec();

		VectorIndex index = spec.indexes().getFirst();
		assertThat(index.key()).containsExactly("doc_id");
		assertThat(index.text()).isInstanceOf(IndexText.Computed.class);
		assertThat(index.metadata()).containsExactly("category_id", "author");
	}

	static Stream<Arguments> invalidIndexes() {
		return Stream.of(
				arguments("a source", SPEC.replace("from: with_category", "from: clicks"), "indexes[0].from",
						"'clicks' is a source, a stream of events; an index follows a table"),
				arguments("a stream joined reactively", SPEC.replace("from: with_category", "from: clicked"),
						"indexes[0].from", "'clicked' joins a stream of events reactively: its rows are events, without a " +
								"primary key"),
				arguments("undefined from", SPEC.replace("from: with_category", "from: with_categry"), "indexes[0].from",
						"undefined input 'with_categry'; did you mean 'with_category'?"),
				arguments("key dropped by a select", SPEC.replace("select: [doc_id, title, body, name]",
						"select: [title, body, name]"), "indexes[0].from",
						"the rows of 'with_category' lack the primary-key field 'doc_id'"),
				arguments("unknown text field", SPEC.replace("text: [title, body]", "text: [title, bdy]"),
						"indexes[0].text[1]", "unknown field 'bdy'; did you mean 'body'?"),
				arguments("text not a string", SPEC.replace("text: [title, body]", "text: \"size(body)\""), "indexes[0].text",
						"the text of an index must be a string, but \"size(body)\" is int"),
				arguments("text neither", SPEC.replace("text: [title, body]", "text: 5"), "indexes[0].text",
						"expected a field (text: body), a CEL string expression"),
				arguments("missing text", SPEC.replace("    text: [title, body]\n", ""), "indexes[0].text",
						"missing required field 'text'"),
				arguments("unknown metadata field", SPEC.replace("metadata: [name]", "metadata: [category]"),
						"indexes[0].metadata[0]", "unknown field 'category'"),
				arguments("metadata listed twice", SPEC.replace("metadata: [name]", "metadata: [name, name]"),
						"indexes[0].metadata[1]", "field 'name' is listed twice"),
				arguments("metadata not a list", SPEC.replace("metadata: [name]", "metadata: name"), "indexes[0].metadata",
						"expected a list of field names"),
				arguments("duplicate name", SPEC + SPEC.substring(SPEC.indexOf("  - name: docs")), "indexes[1].name",
						"index 'docs' is defined twice"),
				arguments("bad name", SPEC.replace("name: docs", "name: my.docs"), "indexes[0].name",
						"invalid index name 'my.docs'"),
				arguments("maxTokens too small", SPEC.replace("metadata: [name]", "chunking: { maxTokens: 8 }"),
						"indexes[0].chunking.maxTokens", "expected a whole number from 16 to 8192, got number 8"),
				arguments("overlap over half", SPEC.replace("metadata: [name]", "chunking: { maxTokens: 64, overlap: 40 }"),
						"indexes[0].chunking.overlap", "overlap 40 is more than half of maxTokens 64; at most 32"),
				arguments("unknown chunking field", SPEC.replace("metadata: [name]", "chunking: { size: 64 }"),
						"indexes[0].chunking.size", "unknown field 'size'"),
				arguments("unknown index field", SPEC.replace("metadata: [name]", "key: [doc_id]"), "indexes[0].key",
						"unknown field 'key'"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidIndexes")
	void shouldReportTheProblemAtItsPath(String description, String yaml, String path, String message) {
		SpecValidationException failure = catchThrowableOfType(SpecValidationException.class,
				() -> reader.read(yaml, SpecFormat.YAML));

		assertThat(failure).as(description).isNotNull();
		assertThat(failure.problems()).as(description).anySatisfy(problem -> {
			assertThat(problem.path()).isEqualTo(path);
			assertThat(problem.message()).contains(message);
		});
	}

}
