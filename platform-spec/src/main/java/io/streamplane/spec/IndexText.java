package io.streamplane.spec;

import java.util.List;
import java.util.Objects;

/**
 * What text of a row a {@link VectorIndex} chunks and embeds: a CEL expression ({@code text: body}, where a
 * field name is the simplest expression, or {@code text: "title + '\n\n' + body"}), or a list of fields
 * ({@code text: [title, body]}) whose values are joined by a blank line.
 */
public sealed interface IndexText permits IndexText.Computed, IndexText.Fields {

	/**
	 * The text is the value of a CEL expression over the row, a string; {@code null} is no text.
	 *
	 * @param expression the expression, type-checked as a string (or {@code dyn} over rows without a schema)
	 */
	record Computed(Expression expression) implements IndexText {

		public Computed {
			Objects.requireNonNull(expression, "expression");
		}

	}

	/**
	 * The text is the values of these fields in order, each as text (strings as they are, other values as
	 * JSON), joined by a blank line; a field that is missing or {@code null} is left out.
	 *
	 * @param fields the field names, at least one
	 */
	record Fields(List<String> fields) implements IndexText {

		/** What separates the fields' values in the text. */
		public static final String SEPARATOR = "\n\n";

		public Fields {
			fields = List.copyOf(fields);
			if (fields.isEmpty()) {
				throw new IllegalArgumentException("index text needs at least one field");
			}
		}

	}

}
