package io.streamplane.architecture;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The boundaries every module keeps, checked on the module's own compiled main classes
 * ({@code target/classes} beside the test's {@code target/test-classes}). A module runs them by declaring
 * {@code class ArchitectureTest extends ArchitectureContract {}} in its tests.
 */
public abstract class ArchitectureContract {

	private JavaClasses main;

	@BeforeEach
	void importMainClasses() throws URISyntaxException {
		Path testClasses = Path.of(getClass().getProtectionDomain().getCodeSource().getLocation().toURI());
		main = new ClassFileImporter().importPath(testClasses.resolveSibling("classes"));
	}

	/** The module's main classes, as the rules see them. */
	protected JavaClasses mainClasses() {
		return main;
	}

	@Test
	void shouldHaveNoCycleBetweenSiblingPackages() {
		List<ArchRule> rules = main.stream()
			.flatMap(type -> packageAndAncestors(type.getPackageName()))
			.distinct()
			.<ArchRule>map(parent -> slices().matching(parent + ".(*)..")
				.namingSlices(parent + ".$1")
				.should()
				.beFreeOfCycles()
				.allowEmptyShould(true))
			.toList();
		CompositeArchRule.of(rules).check(main);
	}

	private static Stream<String> packageAndAncestors(String packageName) {
		return IntStream.rangeClosed(0, packageName.length())
			.filter(end -> end == packageName.length() || packageName.charAt(end) == '.')
			.mapToObj(end -> packageName.substring(0, end))
			.filter(ancestor -> !ancestor.isEmpty());
	}

	@Test
	void shouldReachAnInternalPackageOnlyFromWithinItsParent() {
		classes().should(new ReachInternalsFromTheirParentOnly()).check(main);
	}

	@Test
	void shouldKeepCompilingFreeOfRuntimeAndCdc() {
		noClasses().that()
			.resideInAnyPackage("io.streamplane.engine.compile..", "io.streamplane.engine.preview..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("io.streamplane.engine.runtime..", "io.streamplane.engine.cdc..")
			.allowEmptyShould(true)
			.check(main);
	}

	@Test
	void shouldKeepSpecProtocolAndFeatureServingFreeOfKafkaStreamsAndDebezium() {
		noClasses().that()
			.resideInAnyPackage("io.streamplane.spec..", "io.streamplane.protocol..", "io.streamplane.role..",
					"io.streamplane.features..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.apache.kafka.streams..", "io.debezium..")
			.allowEmptyShould(true)
			.check(main);
	}

	@Test
	void shouldKeepTheControlPlaneFromRunningPipelines() {
		noClasses().that()
			.resideInAPackage("io.streamplane.api..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("io.streamplane.engine.runtime..", "io.streamplane.engine.cdc..", "io.debezium..")
			.allowEmptyShould(true)
			.check(main);
	}

}
