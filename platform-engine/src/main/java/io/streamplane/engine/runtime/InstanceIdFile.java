package io.streamplane.engine.runtime;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default engine instance id, kept in {@code <state-dir>/instance-id}: created on the first start
 * as the host name plus a short random suffix, read back on every later start, so an instance keeps
 * its identity (status reports, static group membership) across restarts of the same state directory.
 */
final class InstanceIdFile {

	/** The file name under the state directory. */
	static final String FILE_NAME = "instance-id";

	private static final Logger log = LoggerFactory.getLogger(InstanceIdFile.class);

	private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,100}");

	private InstanceIdFile() {
	}

	/** The id stored in this state directory, creating it first if there is none (or no valid one). */
	static String readOrCreate(Path stateDir) {
		Path file = stateDir.resolve(FILE_NAME);
		try {
			if (Files.isRegularFile(file)) {
				String stored = Files.readString(file, StandardCharsets.UTF_8).strip();
				if (VALID.matcher(stored).matches()) {
					return stored;
				}
				log.warn("Ignoring {}: '{}' is not a valid instance id; writing a new one", file, stored);
			}
			String created = generate();
			Files.createDirectories(stateDir);
			Path temporary = Files.writeString(stateDir.resolve(FILE_NAME + ".tmp"), created + "\n");
			Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			return created;
		}
		catch (IOException ex) {
			String oneRun = generate();
			log.warn("Cannot keep the engine instance id in {} ({}); using {} for this run only", file,
					ex.toString(), oneRun);
			return oneRun;
		}
	}

	private static String generate() {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			host = "engine";
		}
		String safeHost = host.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-");
		return safeHost.substring(0, Math.min(safeHost.length(), 80)) + "-"
				+ UUID.randomUUID().toString().substring(0, 6);
	}

}
