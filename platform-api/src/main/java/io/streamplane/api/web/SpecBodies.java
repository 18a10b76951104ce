package io.streamplane.api.web;

import java.util.List;

import io.streamplane.api.registry.SpecSource;
import io.streamplane.spec.SpecFormat;
import io.streamplane.spec.SpecReader;
import io.streamplane.spec.SpecValidationException;

import org.springframework.http.MediaType;

/** Reads a pipeline spec from a request body in JSON or YAML, validating it. */
public final class SpecBodies {

	/** JSON specs. */
	public static final String JSON = "application/json";

	/** YAML specs. */
	public static final String YAML = "application/yaml";

	/** YAML specs, legacy type. */
	public static final String X_YAML = "application/x-yaml";

	/** YAML specs, as some tools send them. */
	public static final String TEXT_YAML = "text/yaml";

	private static final List<MediaType> YAML_TYPES = List.of(MediaType.parseMediaType(YAML),
			MediaType.parseMediaType(X_YAML), MediaType.parseMediaType(TEXT_YAML));

	private final SpecReader reader;

	/** Reads specs with the given reader. */
	public SpecBodies(SpecReader reader) {
		this.reader = reader;
	}

	/**
	 * Parses and validates a spec.
	 * @throws InvalidSpecException listing every problem with its line in {@code body}
	 */
	public SpecSource read(String body, MediaType contentType) {
		SpecFormat format = YAML_TYPES.stream().anyMatch(yaml -> yaml.isCompatibleWith(contentType)) ? SpecFormat.YAML
				: SpecFormat.JSON;
		try {
			return new SpecSource(reader.read(body, format), body, format);
		}
		catch (SpecValidationException ex) {
			throw InvalidSpecException.located(ex, body, format);
		}
	}

}
