package io.streamplane.app.standalone;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * The control plane's admin token in standalone mode, kept in {@code <data-dir>/admin-token}: 32
 * random bytes, base64url, readable by the owner only. Created on first start and reused after, so
 * scripts keep working across restarts. The token itself is never logged.
 */
public final class AdminToken {

	/** The property the control plane reads the token from. */
	public static final String PROPERTY = "streamplane.security.admin-token";

	/** The name of the token's file in its directory. */
	public static final String FILE_NAME = "admin-token";

	private static final int BYTES = 32;

	private AdminToken() {
	}

	/**
	 * Reads the token from {@code <dataDir>/admin-token}, creating the file if it does not exist.
	 * @throws StandaloneException if the file cannot be read or written, or is empty
	 */
	public static String readOrCreate(Path dataDir) {
		Path file = dataDir.resolve(FILE_NAME);
		try {
			if (Files.notExists(file)) {
				create(file);
			}
			String token = Files.readString(file, StandardCharsets.US_ASCII).strip();
			if (token.isEmpty()) {
				throw new StandaloneException("The admin token file " + file + " is empty.",
						"Delete it to have a new token generated, or set --" + PROPERTY + "=...");
			}
			return token;
		}
		catch (IOException ex) {
			throw new StandaloneException("Could not read or create the admin token file " + file + ": " + ex,
					"Make " + dataDir + " writable, or set the token yourself with --" + PROPERTY + "=...", ex);
		}
	}

	private static void create(Path file) throws IOException {
		byte[] random = new byte[BYTES];
		new SecureRandom().nextBytes(random);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		try {
			Files.writeString(Files.createFile(file, ownerOnly(file)), token + "\n", StandardCharsets.US_ASCII);
		}
		catch (FileAlreadyExistsException ex) {
			// created concurrently; the caller reads whichever token won
		}
	}

	private static FileAttribute<?>[] ownerOnly(Path file) {
		if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
			return new FileAttribute<?>[0];
		}
		Set<PosixFilePermission> permissions = PosixFilePermissions.fromString("rw-------");
		return new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(permissions) };
	}

}
