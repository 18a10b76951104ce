package io.streamplane.app.standalone;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on a standalone data directory ({@code <data-dir>/.lock}), held for the
 * lifetime of the process, so that two instances never share one Kafka log or PostgreSQL cluster.
 * The operating system releases it when the process dies, so a crash never leaves it stale.
 */
final class DataDirectoryLock implements AutoCloseable {

	static final String FILE_NAME = ".lock";

	private final FileChannel channel;

	private final FileLock lock;

	private DataDirectoryLock(FileChannel channel, FileLock lock) {
		this.channel = channel;
		this.lock = lock;
	}

	/**
	 * Creates the data directory if needed and locks it.
	 * @throws StandaloneException if another instance holds the lock or the directory is unusable
	 */
	static DataDirectoryLock acquire(Path dataDir) {
		Path file = dataDir.resolve(FILE_NAME);
		FileChannel channel = open(dataDir, file);
		try {
			FileLock lock = channel.tryLock();
			if (lock != null) {
				return new DataDirectoryLock(channel, lock);
			}
		}
		catch (OverlappingFileLockException ex) {
			// held by this JVM: reported below like any other holder
		}
		catch (IOException ex) {
			closeQuietly(channel);
			throw new StandaloneException("Could not lock the standalone data directory " + dataDir + ": " + ex,
					"Make " + file + " writable, or choose another directory with --" + StandaloneProperties.PREFIX
							+ ".data-dir=...",
					ex);
		}
		closeQuietly(channel);
		throw new StandaloneException(
				"The standalone data directory " + dataDir + " is in use by another Streamplane instance (it holds "
						+ file + ").",
				"Stop the other instance, or give this one its own directory and ports with --"
						+ StandaloneProperties.PREFIX + ".data-dir=... --" + StandaloneProperties.PREFIX
						+ ".kafka-port=... --" + StandaloneProperties.PREFIX + ".controller-port=... --"
						+ StandaloneProperties.PREFIX + ".postgres-port=...");
	}

	private static FileChannel open(Path dataDir, Path file) {
		try {
			Files.createDirectories(dataDir);
			return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
		}
		catch (IOException ex) {
			throw new StandaloneException("Could not create the standalone data directory " + dataDir + ": " + ex,
					"Make its parent writable, or choose another directory with --" + StandaloneProperties.PREFIX
							+ ".data-dir=...",
					ex);
		}
	}

	private static void closeQuietly(FileChannel channel) {
		try {
			channel.close();
		}
		catch (IOException ex) {
			// nothing left to release
		}
	}

	@Override
	public void close() {
		try {
			lock.release();
		}
		catch (IOException ex) {
			// closing the channel releases the lock as well
		}
		closeQuietly(channel);
	}

}
