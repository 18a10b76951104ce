package io.streamplane.protocol.tiles;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

/**
 * A HyperLogLog sketch of the distinct values seen (Flajolet et al. 2007), immutable: 2<sup>12</sup>
 * registers, a standard error of about 1.6%, exact-ish small counts through linear counting. Two
 * sketches merge by taking the larger register, so merging tiles gives the distinct count of their
 * union.
 *
 * <p>Values are hashed from a canonical text: strings as they are, whole numbers in decimal whatever
 * their Java type ({@code 7}, {@code 7L} and {@code 7.0} are one value), other numbers, booleans and
 * structures by their {@code toString}. The hash is 64-bit FNV-1a finished with MurmurHash3's
 * {@code fmix64}.
 *
 * <p>Bytes ({@link #toBytes()}, base64 in tile JSON): byte 0 the format, byte 1 the precision (12), then
 * for format 1 (sparse, while few registers are set) a 2-byte count and per set register its 2-byte
 * index and 1-byte rank in index order, for format 2 (dense) one byte per register.
 */
public final class DistinctSketch {

	private static final int PRECISION = 12;

	private static final int REGISTERS = 1 << PRECISION;

	private static final byte SPARSE = 1;

	private static final byte DENSE = 2;

	private static final int SPARSE_LIMIT = REGISTERS / 3;

	private final byte[] registers;

	private DistinctSketch(byte[] registers) {
		this.registers = registers;
	}

	/** A sketch of no values. */
	public static DistinctSketch empty() {
		return new DistinctSketch(new byte[REGISTERS]);
	}

	/** This sketch with {@code value} added; a value already seen changes nothing. */
	public DistinctSketch add(Object value) {
		long hash = hash(canonical(value));
		int index = (int) (hash >>> (64 - PRECISION));
		int rank = Long.numberOfLeadingZeros((hash << PRECISION) | (1L << (PRECISION - 1))) + 1;
		if (registers[index] >= rank) {
			return this;
		}
		byte[] copy = registers.clone();
		copy[index] = (byte) rank;
		return new DistinctSketch(copy);
	}

	/** The sketch of the values of both. */
	public DistinctSketch union(DistinctSketch other) {
		byte[] merged = new byte[REGISTERS];
		for (int i = 0; i < REGISTERS; i++) {
			merged[i] = (byte) Math.max(registers[i], other.registers[i]);
		}
		return new DistinctSketch(merged);
	}

	/** The estimated number of distinct values. */
	public long estimate() {
		double sum = 0;
		int zeros = 0;
		for (byte register : registers) {
			sum += Math.scalb(1.0, -register);
			zeros += register == 0 ? 1 : 0;
		}
		double alpha = 0.7213 / (1 + 1.079 / REGISTERS);
		double raw = alpha * REGISTERS * REGISTERS / sum;
		if (raw <= 2.5 * REGISTERS && zeros > 0) {
			return Math.round(REGISTERS * Math.log((double) REGISTERS / zeros));
		}
		return Math.round(raw);
	}

	/** The bytes of this sketch, sparse while few registers are set. */
	public byte[] toBytes() {
		Map<Integer, Byte> set = new TreeMap<>();
		for (int i = 0; i < REGISTERS; i++) {
			if (registers[i] != 0) {
				set.put(i, registers[i]);
			}
		}
		if (set.size() > SPARSE_LIMIT) {
			return ByteBuffer.allocate(2 + REGISTERS).put(DENSE).put((byte) PRECISION).put(registers).array();
		}
		ByteBuffer bytes = ByteBuffer.allocate(4 + 3 * set.size()).put(SPARSE).put((byte) PRECISION)
			.putShort((short) set.size());
		set.forEach((index, rank) -> bytes.putShort(index.shortValue()).put(rank));
		return bytes.array();
	}

	/** {@link #toBytes()} in base64. */
	public String toBase64() {
		return Base64.getEncoder().encodeToString(toBytes());
	}

	/**
	 * Reads a sketch written by {@link #toBytes()}.
	 *
	 * @throws TileFormatException if the bytes are not a sketch of this format
	 */
	public static DistinctSketch fromBytes(byte[] bytes) {
		if (bytes.length < 2 || bytes[1] != PRECISION) {
			throw TileFormatException.invalid("not a distinct-count sketch of precision " + PRECISION);
		}
		ByteBuffer in = ByteBuffer.wrap(bytes, 2, bytes.length - 2);
		if (bytes[0] == DENSE && bytes.length == 2 + REGISTERS) {
			return new DistinctSketch(Arrays.copyOfRange(bytes, 2, bytes.length));
		}
		if (bytes[0] != SPARSE || bytes.length < 4 || bytes.length != 4 + 3 * (in.getShort() & 0xFFFF)) {
			throw TileFormatException.invalid("malformed distinct-count sketch of " + bytes.length + " bytes");
		}
		byte[] registers = new byte[REGISTERS];
		while (in.hasRemaining()) {
			int index = in.getShort() & 0xFFFF;
			byte rank = in.get();
			if (index >= REGISTERS || rank < 0 || rank > 64 - PRECISION + 1) {
				throw TileFormatException.invalid("malformed distinct-count sketch: register " + index + " rank " + rank);
			}
			registers[index] = rank;
		}
		return new DistinctSketch(registers);
	}

	/**
	 * Reads a sketch from {@link #toBase64()}.
	 *
	 * @throws TileFormatException if the text is not a base64 sketch
	 */
	public static DistinctSketch fromBase64(String base64) {
		try {
			return fromBytes(Base64.getDecoder().decode(base64));
		}
		catch (IllegalArgumentException ex) {
			throw TileFormatException.invalid("distinct-count sketch is not base64: " + ex.getMessage());
		}
	}

	static String canonical(Object value) {
		return switch (value) {
			case String text -> text;
			case Double number when number == Math.rint(number) && !number.isInfinite() && Math.abs(number) < 1e18 ->
				Long.toString(number.longValue());
			case Float number when number == Math.rint(number) && !number.isInfinite() && Math.abs(number) < 1e18 ->
				Long.toString(number.longValue());
			default -> String.valueOf(value);
		};
	}

	private static long hash(String text) {
		long hash = 0xcbf29ce484222325L;
		for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
			hash ^= b & 0xFF;
			hash *= 0x100000001b3L;
		}
		hash ^= hash >>> 33;
		hash *= 0xff51afd7ed558ccdL;
		hash ^= hash >>> 33;
		hash *= 0xc4ceb9fe1a85ec53L;
		hash ^= hash >>> 33;
		return hash;
	}

}
