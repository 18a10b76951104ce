package io.streamplane.deploy;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A command-line tool a check runs, found on the {@code PATH}. In CI ({@code CI} set, as {@code .ci/run}
 * runs) a missing tool fails the check; on a developer's machine the check is skipped with a message naming
 * the package to install.
 *
 * @param executable the tool's absolute path
 */
record ExternalTool(Path executable) {

	/** What a run printed and how it ended. */
	record Result(int exitCode, String output) {
	}

	/**
	 * The tool named {@code name}, or a failed (CI) or skipped (elsewhere) test.
	 * @param debianPackage the Debian package that installs it
	 */
	static ExternalTool require(String name, String debianPackage) {
		Optional<Path> found = find(name);
		if (found.isPresent()) {
			return new ExternalTool(found.get());
		}
		String message = name + " is not on the PATH: install it with `apt-get install " + debianPackage
				+ "` (.ci/run does so in CI)";
		if (System.getenv("CI") != null) {
			Assertions.fail(message);
		}
		Assumptions.abort(message + "; skipped outside CI");
		throw new IllegalStateException("unreachable");
	}

	/** Runs the tool in {@code directory} with the extra environment, for at most a minute. */
	Result run(Path directory, Map<String, String> environment, String... arguments) {
		return run(directory, environment, Set.of(), arguments);
	}

	/**
	 * Runs the tool in {@code directory} with the extra environment, less the {@code unset} variables, for at
	 * most a minute.
	 */
	Result run(Path directory, Map<String, String> environment, Set<String> unset, String... arguments) {
		List<String> command = new ArrayList<>();
		command.add(executable.toString());
		command.addAll(List.of(arguments));
		ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
		builder.environment().keySet().removeAll(unset);
		builder.environment().putAll(environment);
		try {
			Process process = builder.start();
			process.getOutputStream().close();
			byte[] output = process.getInputStream().readAllBytes();
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				Assertions.fail(command + " did not finish within a minute");
			}
			return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot run " + command, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while running " + command, ex);
		}
	}

	private static Optional<Path> find(String name) {
		String path = System.getenv().getOrDefault("PATH", "");
		for (String directory : path.split(File.pathSeparator)) {
			Path candidate = Path.of(directory, name);
			if (Files.isExecutable(candidate)) {
				return Optional.of(candidate);
			}
		}
		return Optional.empty();
	}

}
