package io.streamplane.benchmarks.harness;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Command-line options as {@code --name=value}, read over a benchmark's defaults. */
public final class Arguments {

	private Arguments() {
	}

	/**
	 * The defaults with every {@code --name=value} argument applied, in the defaults' order.
	 * @param defaults every allowed name with its default value
	 * @throws IllegalArgumentException listing every unknown name and malformed argument, with the allowed names
	 */
	public static Map<String, String> parse(Map<String, String> defaults, String... args) {
		Map<String, String> values = new LinkedHashMap<>(defaults);
		List<String> problems = new ArrayList<>();
		for (String arg : args) {
			int equals = arg.indexOf('=');
			String name = arg.startsWith("--") && equals > 2 ? arg.substring(2, equals) : null;
			if (name == null || !values.containsKey(name)) {
				problems.add("unknown argument '" + arg + "'");
			}
			else {
				values.put(name, arg.substring(equals + 1));
			}
		}
		if (!problems.isEmpty()) {
			throw new IllegalArgumentException(String.join("; ", problems) + ". Allowed: --"
					+ String.join("=..., --", values.keySet()) + "=...");
		}
		return values;
	}

}
