package io.streamplane.app.engine;

import io.streamplane.app.testing.ApiClient;

/**
 * A pipeline spec for engine tests, with topic names unique to the pipeline.
 *
 * @param name the pipeline name
 * @param input the input topic
 * @param output the output topic
 * @param spec the spec text (YAML)
 */
record Pipeline(String name, String input, String output, String spec) {

	/** The c5 example ({@code examples/topic-to-topic-enrichment.yaml}) under another name and topics. */
	static Pipeline enrichment(String name) {
		String input = name + "-payments";
		String output = name + "-enriched";
		String spec = ApiClient.example("topic-to-topic-enrichment.yaml")
			.replace("name: topic-to-topic-enrichment", "name: " + name)
			.replace("topic: payments-enriched", "topic: " + output)
			.replace("topic: payments,", "topic: " + input + ",");
		return new Pipeline(name, input, output, spec);
	}

	/** The c1 example ({@code examples/wordcount-tumbling-10s.yaml}), stateful, under another name and topics. */
	static Pipeline wordCount(String name) {
		String input = name + "-lines";
		String output = name + "-counts";
		String spec = ApiClient.example("wordcount-tumbling-10s.yaml")
			.replace("name: wordcount-tumbling-10s", "name: " + name)
			.replace("topic: lines,", "topic: " + input + ",")
			.replace("topic: word-counts-10s,", "topic: " + output + ",");
		return new Pipeline(name, input, output, spec);
	}

	String deadLetterTopic() {
		return "sp.dlq." + name;
	}

	String path() {
		return "/api/v1/pipelines/" + name;
	}

}
