package io.streamplane.spec;

/** The text formats a pipeline spec can be written in. Both describe the same document. */
public enum SpecFormat {

	/** JSON (RFC 8259). */
	JSON,

	/** YAML 1.2, limited to what JSON can express: no aliases, no custom tags. */
	YAML

}
