package io.streamplane.engine.compile.internal.index;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * What the engine last wrote to an index topic for one row, as stored by {@link IndexWriter}: the record key
 * (the primary key as written, needed for the delete) and a SHA-256 digest of the record value, so an
 * unchanged row is recognized without keeping its text twice. Stored as
 * {@code [key length: 4 bytes][key][digest: 32 bytes]}.
 *
 * @param key the record key bytes
 * @param digest the SHA-256 of the record value bytes
 */
record WrittenRow(byte[] key, byte[] digest) {

	private static final int DIGEST_BYTES = 32;

	/** The row for a record key and value. */
	static WrittenRow of(byte[] key, byte[] value) {
		try {
			return new WrittenRow(key, MessageDigest.getInstance("SHA-256").digest(value));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java platform has SHA-256", ex);
		}
	}

	/** Whether this row was written with the same record key and value as {@code other}. */
	boolean sameAs(WrittenRow other) {
		return Arrays.equals(key, other.key) && Arrays.equals(digest, other.digest);
	}

	byte[] toBytes() {
		return ByteBuffer.allocate(4 + key.length + DIGEST_BYTES).putInt(key.length).put(key).put(digest).array();
	}

	static WrittenRow fromBytes(byte[] bytes) {
		ByteBuffer buffer = ByteBuffer.wrap(bytes);
		byte[] key = new byte[buffer.getInt()];
		buffer.get(key);
		byte[] digest = new byte[DIGEST_BYTES];
		buffer.get(digest);
		return new WrittenRow(key, digest);
	}

}
