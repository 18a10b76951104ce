package io.streamplane.spec.internal;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.streamplane.spec.DecimalType;

/** Binds the declared result type of an aggregate, {@code decimal(18, 2)} in {@code sum(amount) as decimal(18, 2)}. */
final class DecimalTypes {

	private static final Pattern TYPE = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\s*(?:\\((.*)\\))?", Pattern.DOTALL);

	private static final Pattern WHOLE = Pattern.compile("\\d{1,9}");

	private DecimalTypes() {
	}

	/** The type written as {@code text}, or empty with a problem reported at {@code node}. */
	static Optional<DecimalType> parse(Node node, String text) {
		Matcher type = TYPE.matcher(text);
		if (!type.matches() || !type.group(1).equalsIgnoreCase("decimal")) {
			node.report("unknown result type \"" + text + "\"; an aggregate declares only decimal(precision, scale), " +
					"e.g. sum(amount) as decimal(18, 2)");
			return Optional.empty();
		}
		List<String> arguments = type.group(2) == null ? List.of() : CallArguments.split(type.group(2));
		if (arguments.isEmpty() || arguments.size() > 2 || !arguments.stream().allMatch(a -> WHOLE.matcher(a).matches())) {
			node.report("\"" + text + "\": precision and scale must be whole numbers, decimal(precision, scale) or " +
					"decimal(precision) for scale 0, e.g. decimal(18, 2)");
			return Optional.empty();
		}
		int precision = Integer.parseInt(arguments.getFirst());
		int scale = arguments.size() == 2 ? Integer.parseInt(arguments.get(1)) : 0;
		if (precision < 1 || precision > DecimalType.MAX_PRECISION) {
			node.report("\"" + text + "\": precision " + precision + " must be 1 to " + DecimalType.MAX_PRECISION +
					", the digits in all, e.g. decimal(18, 2)");
			return Optional.empty();
		}
		if (scale > precision) {
			node.report("\"" + text + "\": scale " + scale + " exceeds precision " + precision + "; the scale counts " +
					"the digits after the point among the precision's, e.g. decimal(18, 2)");
			return Optional.empty();
		}
		return Optional.of(new DecimalType(precision, scale));
	}

}
