package io.streamplane.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the deployment files are, from the {@code deploy} module's directory (surefire's working directory). */
final class DeployFiles {

	/** The {@code deploy} directory. */
	static final Path DEPLOY = Path.of("").toAbsolutePath();

	/** The Helm chart. */
	static final Path CHART = DEPLOY.resolve("helm/streamplane");

	/** The repository's root. */
	static final Path ROOT = DEPLOY.getParent();

	private DeployFiles() {
	}

	static {
		if (!Files.isRegularFile(CHART.resolve("Chart.yaml"))) {
			throw new IllegalStateException("run the deploy checks from the deploy module's directory; "
					+ CHART + " has no Chart.yaml");
		}
	}

}
