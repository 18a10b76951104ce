package io.streamplane.spec.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The data flow between transforms: a topological order, inputs before the transforms that read
 * them, and the cycles that prevent one.
 *
 * @param order the transforms not in or behind a cycle, each after its inputs
 * @param blocked the transforms in or downstream of a cycle
 * @param cycles each cycle once, as the transform names along it
 */
record Graph(List<String> order, List<String> blocked, List<List<String>> cycles) {

	/** Sorts transforms given each transform's inputs; inputs that are not transforms are ignored. */
	static Graph of(Map<String, List<String>> inputs) {
		List<String> order = new ArrayList<>();
		boolean progress = true;
		while (progress) {
			progress = false;
			for (Map.Entry<String, List<String>> entry : inputs.entrySet()) {
				boolean ready = entry.getValue().stream().noneMatch(input -> inputs.containsKey(input) && !order.contains(input));
				if (ready && !order.contains(entry.getKey())) {
					order.add(entry.getKey());
					progress = true;
				}
			}
		}
		List<String> blocked = inputs.keySet().stream().filter(name -> !order.contains(name)).toList();
		return new Graph(order, blocked, cycles(inputs, blocked));
	}

	private static List<List<String>> cycles(Map<String, List<String>> inputs, List<String> blocked) {
		List<List<String>> cycles = new ArrayList<>();
		Set<String> reported = new HashSet<>();
		for (String start : blocked) {
			List<String> walk = new ArrayList<>();
			String current = start;
			while (!walk.contains(current)) {
				walk.add(current);
				current = inputs.get(current).stream().filter(blocked::contains).findFirst().orElseThrow();
			}
			List<String> cycle = walk.subList(walk.indexOf(current), walk.size());
			if (cycle.stream().noneMatch(reported::contains)) {
				reported.addAll(cycle);
				cycles.add(List.copyOf(cycle));
			}
		}
		return cycles;
	}

}
