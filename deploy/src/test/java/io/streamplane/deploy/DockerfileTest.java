package io.streamplane.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code deploy/Dockerfile}, checked without a Docker engine: known instructions only, a JRE base of a pinned
 * Java 21+ release, the jar the build produces, a non-root user, the ports the roles listen on, an exec-form
 * entry point (so the JVM receives SIGTERM and shuts down cleanly), and a build context of only that jar.
 */
class DockerfileTest {

	private static final Set<String> INSTRUCTIONS = Set.of("FROM", "RUN", "COPY", "USER", "WORKDIR", "ENV",
			"EXPOSE", "ENTRYPOINT", "LABEL", "ARG");

	private static final Pattern JRE_BASE = Pattern.compile("eclipse-temurin:(\\d+)-jre");

	@Test
	void shouldUseOnlyKnownInstructions() throws IOException {
		assertThat(instructions()).extracting(Instruction::keyword).isSubsetOf(INSTRUCTIONS);
	}

	@Test
	void shouldRunTheExecJarOnAPinnedJreOfJava21OrNewer() throws IOException {
		List<Instruction> instructions = instructions();
		assertThat(instructions.getFirst().keyword()).isEqualTo("FROM");
		Matcher base = JRE_BASE.matcher(instructions.getFirst().arguments());
		assertThat(base.matches()).as("base image %s: a pinned eclipse-temurin JRE", instructions.getFirst())
			.isTrue();
		assertThat(Integer.parseInt(base.group(1))).isGreaterThanOrEqualTo(21);
		assertThat(arguments(instructions, "COPY"))
			.containsExactly("streamplane-app/target/streamplane-exec.jar /opt/streamplane/streamplane.jar");
		String appPom = Files.readString(DeployFiles.ROOT.resolve("streamplane-app/pom.xml"));
		assertThat(appPom).as("the jar the COPY names is the one streamplane-app builds")
			.contains("<finalName>streamplane</finalName>")
			.contains("<classifier>exec</classifier>");
		assertThat(arguments(instructions, "ENTRYPOINT")).singleElement()
			.asString()
			.startsWith("[\"java\"")
			.as("Lucene's SIMD dot products for the vector index")
			.contains("\"--add-modules\", \"jdk.incubator.vector\"")
			.endsWith("\"-jar\", \"/opt/streamplane/streamplane.jar\"]");
	}

	@Test
	void shouldRunAsANonRootUserAndExposeTheApiAndServingPorts() throws IOException {
		List<Instruction> instructions = instructions();
		assertThat(arguments(instructions, "USER")).singleElement().asString().matches("[1-9]\\d*:[1-9]\\d*");
		assertThat(arguments(instructions, "EXPOSE")).containsExactly("8080 8081");
		assertThat(arguments(instructions, "ENV")).singleElement()
			.asString()
			.contains("STREAMPLANE_STANDALONE_ENABLED=false");
	}

	@Test
	void shouldSendOnlyTheJarAsBuildContext() throws IOException {
		assertThat(Files.readAllLines(DeployFiles.DEPLOY.resolve("Dockerfile.dockerignore")))
			.containsExactly("*", "!streamplane-app/target/streamplane-exec.jar");
	}

	/** One instruction, continuation lines joined, comments dropped. */
	private record Instruction(String keyword, String arguments) {
	}

	private static List<Instruction> instructions() throws IOException {
		List<Instruction> instructions = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		for (String line : Files.readAllLines(DeployFiles.DEPLOY.resolve("Dockerfile"))) {
			String trimmed = line.strip();
			if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.isEmpty())) {
				continue;
			}
			if (trimmed.endsWith("\\")) {
				current.append(trimmed, 0, trimmed.length() - 1).append(' ');
				continue;
			}
			current.append(trimmed);
			String[] parts = current.toString().split("\\s+", 2);
			instructions.add(new Instruction(parts[0], parts.length > 1 ? parts[1].strip() : ""));
			current.setLength(0);
		}
		return instructions;
	}

	private static List<String> arguments(List<Instruction> instructions, String keyword) {
		return instructions.stream().filter(i -> i.keyword().equals(keyword)).map(Instruction::arguments).toList();
	}

}
