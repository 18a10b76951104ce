package io.streamplane.spec;

import dev.cel.common.CelOptions;
import java.util.EnumSet;
import java.util.Set;

import dev.cel.compiler.CelCompilerBuilder;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.extensions.CelExtensions;
import dev.cel.extensions.CelListsExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelRuntimeBuilder;
import dev.cel.runtime.CelRuntimeFactory;

/**
 * The one CEL environment of pipeline expressions: the standard functions and macros
 * ({@code has}, {@code all}, {@code exists}, {@code map}, {@code filter}), CEL's standard extensions
 * for strings ({@code split}, {@code lowerAscii}, {@code trim}, ...), math ({@code math.abs},
 * {@code math.greatest}, {@code math.least}, {@code math.round}, ...), lists ({@code distinct},
 * {@code flatten}, {@code sort}, {@code slice}, ...; not {@code lists.range}, whose list size is
 * the caller's to choose) and sets ({@code sets.contains}, {@code sets.intersects}, ...), and
 * comparisons across numeric types ({@code amount >= 1000} with a {@code double} amount). The validator compiles with
 * {@link #compilerBuilder()}; the engine must evaluate with {@link #runtimeBuilder()} so that
 * every function that type-checks also runs.
 */
public final class ExpressionEnvironment {

	/**
	 * The most comprehension iterations ({@code map}, {@code filter}, {@code all}, {@code exists},
	 * {@code exists_one}, nested ones counted together) one evaluation may run; beyond them it fails,
	 * and the record is a dead letter. Bounds the work of one expression on one record.
	 */
	public static final int MAX_COMPREHENSION_ITERATIONS = 100_000;

	/** The options shared by compiler and runtime. */
	public static final CelOptions OPTIONS = CelOptions.current()
		.enableHeterogeneousNumericComparisons(true)
		.comprehensionMaxIterations(MAX_COMPREHENSION_ITERATIONS)
		.build();

	private static final Set<CelListsExtensions.Function> LIST_FUNCTIONS =
			EnumSet.complementOf(EnumSet.of(CelListsExtensions.Function.RANGE));

	private ExpressionEnvironment() {
	}

	/** A compiler builder with this environment's macros, libraries and options; add variables to it. */
	public static CelCompilerBuilder compilerBuilder() {
		return CelCompilerFactory.standardCelCompilerBuilder()
			.setOptions(OPTIONS)
			.setStandardMacros(CelStandardMacro.STANDARD_MACROS)
			.addLibraries(CelExtensions.strings(), CelExtensions.math(OPTIONS), CelExtensions.lists(LIST_FUNCTIONS),
					CelExtensions.sets(OPTIONS));
	}

	/** A runtime builder with this environment's libraries and options. */
	public static CelRuntimeBuilder runtimeBuilder() {
		return CelRuntimeFactory.standardCelRuntimeBuilder()
			.setOptions(OPTIONS)
			.addLibraries(CelExtensions.strings(), CelExtensions.math(OPTIONS), CelExtensions.lists(LIST_FUNCTIONS),
					CelExtensions.sets(OPTIONS));
	}

}
