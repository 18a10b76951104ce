package io.streamplane.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code bin/streamplane} and {@code bin/kafka} with stand-in {@code java}
 * binaries of chosen versions, so that README's start command keeps working with an older Java
 * first on PATH and a JDK 21+ elsewhere (issue 12, "The newcomer's first hour").
 */
class LauncherJdkSelectionTest {

	/** The JVM options the launcher always passes: RocksDB's native access, Lucene's Vector API. */
	private static final String OPTIONS = "--enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector";

	private static final Path BIN = Path.of("..", "bin").toAbsolutePath().normalize();

	@TempDir
	Path jvms;

	@Test
	void shouldPreferJavaHomeOverAnOlderJavaFirstOnPath() throws Exception {
		Path java17 = fakeJdk("java-17", "17");
		Path jdk25 = fakeJdk("jdk-25", "25");

		Result result = launch(java17.resolve("bin"), jdk25, "streamplane", "--which-java");

		assertThat(result.exitCode()).isZero();
		assertThat(result.stdout()).isEqualTo(jdk25.resolve("bin/java") + " (Java 25)\n");
	}

	@Test
	void shouldFindAJdkUnderTheJvmDirectoryWhenJavaHomeIsUnsetAndPathJavaIsTooOld() throws Exception {
		Path java17 = fakeJdk("java-17", "17");
		Path jdk21 = fakeJdk("temurin-21", "21");

		Result result = launch(java17.resolve("bin"), null, "streamplane", "--which-java");

		assertThat(result.stdout()).isEqualTo(jdk21.resolve("bin/java") + " (Java 21)\n");
	}

	@Test
	void shouldSkipATooOldJavaHomeForTheJavaOnPath() throws Exception {
		Path java8 = fakeJdk("java-8", "1.8");
		Path jdk22 = fakeJdk("jdk-22", "22");

		Result result = launch(jdk22.resolve("bin"), java8, "streamplane", "--which-java");

		assertThat(result.stdout()).isEqualTo(jdk22.resolve("bin/java") + " (Java 22)\n");
	}

	@Test
	void shouldNameEveryJavaItTriedWhenNoneIsRecentEnough() throws Exception {
		Path java17 = fakeJdk("java-17", "17");
		Path java8 = fakeJdk("java-8", "1.8");

		Result result = launch(java17.resolve("bin"), java8, "streamplane", "--which-java");

		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.stderr()).contains("needs a JDK 21 or newer", java8.resolve("bin/java") + " (8)",
				java17.resolve("bin/java") + " (17)", "set JAVA_HOME");
	}

	@Test
	void shouldPickTheRealJdkRunningThisTestFromJavaHome() throws Exception {
		Path java17 = fakeJdk("java-17", "17");
		Path javaHome = Path.of(System.getProperty("java.home"));

		Result result = launch(java17.resolve("bin"), javaHome, "streamplane", "--which-java");

		assertThat(result.stdout())
			.isEqualTo(javaHome.resolve("bin/java") + " (Java " + Runtime.version().feature() + ")\n");
	}

	@Test
	void shouldStartTheJarWithTheChosenJdkAndPassTheArguments() throws Exception {
		Path java17 = fakeJdk("java-17", "17");
		Path jdk21 = fakeJdk("jdk-21", "21");
		Path jar = Files.createFile(this.jvms.resolve("streamplane-exec.jar"));

		Result result = launch(java17.resolve("bin"), jdk21, Map.of("STREAMPLANE_JAR", jar.toString()), "streamplane",
				"--server.port=8090");

		assertThat(result.exitCode()).isZero();
		assertThat(result.stdout())
			.isEqualTo("java 21 ran with " + OPTIONS + " -jar " + jar + " --server.port=8090\n");
	}

	@Test
	void shouldStartWithoutTheAotCacheWhenTheJarCannotBeExtracted() throws Exception {
		Path jdk25 = fakeJdk("jdk-25", "25");
		Path jar = Files.createFile(this.jvms.resolve("streamplane-exec.jar"));

		Result result = launch(jdk25.resolve("bin"), null, Map.of("STREAMPLANE_JAR", jar.toString()), "streamplane");

		assertThat(result.stderr()).contains("Could not extract " + jar + " for the start-up cache");
		assertThat(result.stdout()).isEqualTo("java 25 ran with " + OPTIONS + " -jar " + jar + "\n");
	}

	@Test
	void shouldRunKafkaToolsWithTheSameJdk() throws Exception {
		Path java17 = fakeJdk("java-17", "17");
		Path jdk25 = fakeJdk("jdk-25", "25");
		Path jar = Files.createFile(this.jvms.resolve("streamplane-exec.jar"));

		Result result = launch(java17.resolve("bin"), jdk25, Map.of("STREAMPLANE_JAR", jar.toString()), "kafka",
				"consume", "word-counts");

		assertThat(result.exitCode()).isZero();
		assertThat(result.stdout()).startsWith("java 25 ran with -cp " + jar)
			.contains("--bootstrap-server localhost:9092 --topic word-counts");
	}

	/** A JDK directory whose bin/java reports this version as {@code java -XshowSettings} does. */
	private Path fakeJdk(String name, String specificationVersion) throws IOException {
		Path home = this.jvms.resolve("jvm").resolve(name);
		Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
		Files.writeString(java, """
				#!/bin/sh
				if [ "$1" = "-XshowSettings:properties" ]; then
					echo "    java.specification.version = %1$s" >&2
					exit 0
				fi
				echo "java %1$s ran with $*"
				""".formatted(specificationVersion));
		Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
		return home;
	}

	/** Runs bin/script with only this directory's java ahead of the system tools on PATH. */
	private Result launch(Path pathJavaDir, Path javaHome, String script, String... args) throws Exception {
		return launch(pathJavaDir, javaHome, Map.of(), script, args);
	}

	private Result launch(Path pathJavaDir, Path javaHome, Map<String, String> extraEnv, String script,
			String... args) throws Exception {
		List<String> command = new ArrayList<>(List.of(BIN.resolve(script).toString()));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command);
		Map<String, String> env = builder.environment();
		env.clear();
		env.put("PATH", pathJavaDir + ":/usr/local/bin:/usr/bin:/bin");
		env.put("STREAMPLANE_JVM_ROOT", this.jvms.resolve("jvm").toString());
		if (javaHome != null) {
			env.put("JAVA_HOME", javaHome.toString());
		}
		env.putAll(extraEnv);
		Process process = builder.start();
		String stdout = new String(process.getInputStream().readAllBytes());
		String stderr = new String(process.getErrorStream().readAllBytes());
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		return new Result(process.exitValue(), stdout, stderr);
	}

	private record Result(int exitCode, String stdout, String stderr) {
	}

}
