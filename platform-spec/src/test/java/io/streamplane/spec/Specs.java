package io.streamplane.spec;

import java.util.stream.Collectors;

/** Spec texts shared by the tests. */
final class Specs {

	/** A small valid spec with a schema: one source, one transform, one output. */
	static final String VALID = """
			name: shop
			sources:
			  payments:
			    kafka: { topic: payments, format: json }
			    eventTime: { field: ts, unit: seconds }
			    fields: { id: int, amount: double, country: string, ts: int, merchant_id: string }
			transforms:
			  enriched:
			    from: payments
			    steps:
			      - filter: "amount > 0"
			outputs:
			  - { from: enriched, kafka: { topic: enriched } }
			""";

	private Specs() {
	}

	/** {@link #VALID} with its transform's steps replaced by the given YAML list items. */
	static String withSteps(String steps) {
		String indented = steps.lines().map(line -> "      " + line).collect(Collectors.joining("\n", "", "\n"));
		return VALID.replace("      - filter: \"amount > 0\"\n", indented);
	}

}
