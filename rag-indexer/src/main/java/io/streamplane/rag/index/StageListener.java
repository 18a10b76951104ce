package io.streamplane.rag.index;

/**
 * Hears how long each {@link IndexStage} took and how long commits take, e.g. to feed timers. Called on the
 * indexing and refreshing threads, so it must be quick.
 */
public interface StageListener {

	/** Hears nothing. */
	StageListener NONE = (stage, millis, changes) -> {
	};

	/**
	 * @param stage the stage
	 * @param millis how long it took, milliseconds (for {@link IndexStage#RECEIVE} and {@link IndexStage#REFRESH}
	 * of one change; for the others, of the batch the changes were in)
	 * @param changes how many changes spent that long in it
	 */
	void stage(IndexStage stage, long millis, int changes);

	/**
	 * A commit of the index (documents and offsets made durable) took this long, milliseconds.
	 *
	 * @param millis its duration
	 */
	default void committed(long millis) {
	}

}
