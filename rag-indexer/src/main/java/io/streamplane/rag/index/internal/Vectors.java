package io.streamplane.rag.index.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Vectors as the index stores them: L2-normalised, and as little-endian bytes beside the HNSW graph. */
public final class Vectors {

	private Vectors() {
	}

	/** A unit-length copy of {@code vector} (a zero vector stays zero). */
	public static float[] normalised(float[] vector) {
		double sum = 0;
		for (float value : vector) {
			sum += value * value;
		}
		float[] unit = vector.clone();
		if (sum == 0) {
			return unit;
		}
		float norm = (float) Math.sqrt(sum);
		for (int i = 0; i < unit.length; i++) {
			unit[i] /= norm;
		}
		return unit;
	}

	/** The bytes of a vector. */
	public static byte[] toBytes(float[] vector) {
		ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
		buffer.asFloatBuffer().put(vector);
		return buffer.array();
	}

	/** The vector of {@link #toBytes} bytes. */
	public static float[] fromBytes(byte[] bytes, int offset, int length) {
		float[] vector = new float[length / Float.BYTES];
		ByteBuffer.wrap(bytes, offset, length).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
		return vector;
	}

}
