package io.streamplane.spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

class PipelineSchemaTest {

	private static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
		.getSchema(PipelineSchema.json());

	static Stream<Path> examples() throws IOException {
		return Files.list(Path.of("..", "examples")).filter(path -> path.toString().endsWith(".yaml")).sorted();
	}

	@ParameterizedTest
	@MethodSource("examples")
	void shouldAcceptEveryExample(Path example) throws IOException {
		List<Error> errors = SCHEMA.validate(Files.readString(example), InputFormat.YAML);

		assertThat(errors).as(example.toString()).isEmpty();
	}

	@Test
	void shouldRejectAnIndexWithoutTextOrWithBadChunking() {
		String spec = """
				name: library
				tables:
				  documents: { postgresCdc: { table: documents }, primaryKey: [doc_id] }
				indexes:
				  - { name: docs, from: documents, chunking: { maxTokens: 8 } }
				""";

		List<Error> errors = SCHEMA.validate(spec, InputFormat.YAML);

		assertThat(errors).extracting(error -> error.getInstanceLocation().toString())
			.contains("/indexes/0", "/indexes/0/chunking/maxTokens");
	}

	@Test
	void shouldRejectWhatTheValidatorRejects() {
		String spec = """
				name: Bad_Name
				sources:
				  clicks:
				    kafka: { topic: clicks }
				    lateness: 5 minutes
				transforms:
				  counts:
				    from: clicks
				    steps:
				      - window: { tumblng: 10s }
				        aggregate: { n: "count()" }
				outputs: []
				""";

		List<Error> errors = SCHEMA.validate(spec, InputFormat.YAML);

		assertThat(errors).extracting(error -> error.getInstanceLocation().toString())
			.contains("/name", "/sources/clicks/lateness", "/outputs");
	}

	@Test
	void shouldAcceptARollingStepAndRejectOneWithoutRange() {
		String spec = """
				name: clicks
				sources:
				  clicks: { kafka: { topic: clicks } }
				transforms:
				  alerts:
				    from: clicks
				    steps:
				      - keyBy: user
				      - rolling: { range: 24h, slice: 1h }
				        aggregate: { clicks_24h: "count()", checkouts: "count(page == 'checkout')" }
				      - rolling: { slice: 1h }
				        aggregate: { n: "count()" }
				outputs:
				  - { from: alerts, kafka: { topic: alerts } }
				""";

		List<Error> errors = SCHEMA.validate(spec, InputFormat.YAML);

		assertThat(errors).extracting(error -> error.getInstanceLocation().toString())
			.contains("/transforms/alerts/steps/2").doesNotContain("/transforms/alerts/steps/1");
	}

}
