package io.streamplane.spec;

/** How records on a Kafka topic are encoded. Written in specs in lower case, e.g. {@code json}. */
public enum DataFormat {

	/** Record values are JSON objects, keys JSON values or plain strings. */
	JSON

}
