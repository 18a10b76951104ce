package io.streamplane.features.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Key layout of the tile column families: {@code UTF-8(entity) 0x00 big-endian-int64(tileStartMs)}.
 * Entities never contain U+0000 and tile starts are {@code >= 0}, so all tiles of an entity are
 * adjacent and ordered by tile start: a request is one seek and a short forward iteration.
 */
public final class TileKeys {

	private static final byte SEPARATOR = 0x00;

	private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

	private TileKeys() {
	}

	/** The key of one tile. */
	public static byte[] key(String entity, long tileStartMs) {
		byte[] entityBytes = entity.getBytes(StandardCharsets.UTF_8);
		byte[] key = Arrays.copyOf(entityBytes, entityBytes.length + 1 + Long.BYTES);
		key[entityBytes.length] = SEPARATOR;
		LONG.set(key, entityBytes.length + 1, tileStartMs);
		return key;
	}

	/** The bytes every key of {@code entity} starts with: {@code UTF-8(entity) 0x00}. */
	public static byte[] entityPrefix(String entity) {
		byte[] entityBytes = entity.getBytes(StandardCharsets.UTF_8);
		return ByteBuffer.allocate(entityBytes.length + 1).put(entityBytes).put(SEPARATOR).array();
	}

	/** Whether {@code key} is a tile key of the entity whose {@link #entityPrefix(String)} is {@code prefix}. */
	public static boolean isTileOf(byte[] prefix, byte[] key) {
		return key.length == prefix.length + Long.BYTES
				&& Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
	}

	/** The tile start encoded in a key. */
	public static long tileStartMs(byte[] key) {
		return (long) LONG.get(key, key.length - Long.BYTES);
	}

	/** A signed 64-bit value as 8 big-endian bytes (offsets, watermarks). */
	public static byte[] longValue(long value) {
		return ByteBuffer.allocate(Long.BYTES).putLong(value).array();
	}

	/** The inverse of {@link #longValue(long)}. */
	public static long longValue(byte[] bytes) {
		return ByteBuffer.wrap(bytes).getLong();
	}
}
