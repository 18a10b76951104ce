package io.streamplane.spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The JSON Schema (draft 2020-12) of the pipeline spec, for editors and tools. It describes the
 * document's shape; {@link SpecReader} stays authoritative, since it also checks references,
 * cycles, CEL expressions and field types.
 */
public final class PipelineSchema {

	private static final String RESOURCE = "pipeline.schema.json";

	private static final String TEXT = load();

	private PipelineSchema() {
	}

	/** The schema as JSON text. */
	public static String json() {
		return TEXT;
	}

	private static String load() {
		try (InputStream in = PipelineSchema.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException(RESOURCE + " is missing from the classpath next to " + PipelineSchema.class);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
