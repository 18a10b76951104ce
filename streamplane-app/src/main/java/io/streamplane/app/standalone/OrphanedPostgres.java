package io.streamplane.app.standalone;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Stops a PostgreSQL server left running on our data directory by a Streamplane process that was
 * killed (e.g. {@code kill -9}), so that a restart just works. Only called while holding the data
 * directory lock, so no live Streamplane owns that server.
 */
final class OrphanedPostgres {

	private static final Log logger = LogFactory.getLog(OrphanedPostgres.class);

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

	private OrphanedPostgres() {
	}

	/** Stops the server whose {@code postmaster.pid} is in {@code clusterDir}, if it still runs. */
	static void stop(Path clusterDir) {
		orphan(clusterDir).ifPresent(server -> {
			logger.warn("Stopping PostgreSQL (pid " + server.pid() + ") left running on " + clusterDir
					+ " by an earlier Streamplane that did not shut down");
			server.destroy();
			try {
				server.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			catch (ExecutionException | TimeoutException ex) {
				throw new StandaloneException("PostgreSQL (pid " + server.pid() + ") left running on " + clusterDir
						+ " by an earlier Streamplane did not stop within " + STOP_TIMEOUT.toSeconds() + " s",
						"Stop it by hand (kill " + server.pid() + ") and start Streamplane again.", ex);
			}
		});
	}

	private static Optional<ProcessHandle> orphan(Path clusterDir) {
		Path pidFile = clusterDir.resolve("postmaster.pid");
		if (!Files.isRegularFile(pidFile)) {
			return Optional.empty();
		}
		try {
			List<String> lines = Files.readAllLines(pidFile);
			long pid = Long.parseLong(lines.getFirst().strip());
			return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(OrphanedPostgres::isPostgres);
		}
		catch (IOException | RuntimeException ex) {
			return Optional.empty();
		}
	}

	private static boolean isPostgres(ProcessHandle process) {
		return process.info().command().map(command -> command.endsWith("/postgres")).orElse(false);
	}

}
