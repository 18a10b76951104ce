package io.streamplane.rag.embed.internal;

import java.nio.LongBuffer;
import java.util.Arrays;

/**
 * Token sequences of one ONNX run, padded to the longest: {@code input_ids}, {@code attention_mask} and
 * {@code token_type_ids} as {@code [rows, length]} row-major arrays, padding being id 0 with mask 0.
 */
final class TokenizedBatch {

	private final int rows;

	private final int length;

	private final long[] ids;

	private final long[] mask;

	private TokenizedBatch(int rows, int length) {
		this.rows = rows;
		this.length = length;
		this.ids = new long[rows * length];
		this.mask = new long[rows * length];
	}

	/** Pads the given sequences (each with its special tokens) into one batch. */
	static TokenizedBatch of(long[][] sequences) {
		int longest = 0;
		for (long[] sequence : sequences) {
			longest = Math.max(longest, sequence.length);
		}
		TokenizedBatch batch = new TokenizedBatch(sequences.length, longest);
		for (int row = 0; row < sequences.length; row++) {
			long[] sequence = sequences[row];
			System.arraycopy(sequence, 0, batch.ids, row * longest, sequence.length);
			Arrays.fill(batch.mask, row * longest, row * longest + sequence.length, 1L);
		}
		return batch;
	}

	int rows() {
		return rows;
	}

	int length() {
		return length;
	}

	long[] shape() {
		return new long[] { rows, length };
	}

	LongBuffer ids() {
		return LongBuffer.wrap(ids);
	}

	LongBuffer mask() {
		return LongBuffer.wrap(mask);
	}

	/** All zeros: single-segment input. */
	LongBuffer typeIds() {
		return LongBuffer.wrap(new long[ids.length]);
	}

	/** Whether token {@code position} of row {@code row} is a real token, not padding. */
	boolean isToken(int row, int position) {
		return mask[row * length + position] != 0;
	}

}
