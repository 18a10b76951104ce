package io.streamplane.engine.compile.internal.value;

/**
 * Why a record without a key fails at a step that needs one (a window, a per-key step, a rolling
 * aggregate), and what to do about it. Records have no key when their source's records have none
 * and no {@code keyBy} gave them one, after a left lookup join whose join key was {@code null}
 * (the join keys its events by their join key), or, when the stream is keyed by a field
 * ({@code keyField}), when that field is {@code null}: a left, right or full stream join emits the
 * events whose join key is {@code null} at once, keyed {@code null}. Such a record is dead-lettered,
 * never dropped.
 *
 * @param keyField the field that holds the stream's key, or {@code null} when none does
 * @param need what the step does per key, e.g. {@code a window groups by key}
 */
public record MissingKey(String keyField, String need) {

	/** The failure of a record that reached the step without a key. */
	public RecordException failure() {
		if (keyField == null) {
			return new RecordException("the record has no key (its source record had none, or a left join before "
					+ "this step found its join key null); " + need + ", so add a keyBy step before it, give the source "
					+ "records keys, or filter such records out (filter: \"key != null\")");
		}
		return new RecordException("the record has no key: its key field '" + keyField + "' is null, as when a left, "
				+ "right or full stream join emits an event whose join key is null; " + need
				+ ", so filter such records out before this step (filter: \"key != null\") or keyBy a value "
				+ "that is never null");
	}

}
