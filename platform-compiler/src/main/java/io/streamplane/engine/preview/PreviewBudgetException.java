package io.streamplane.engine.preview;

/** A preview spent a part of its {@link PreviewBudget} and was stopped; the message says which and how much. */
public class PreviewBudgetException extends PreviewException {

	private final PreviewBudget.Part part;

	private final String limit;

	/**
	 * @param part the part of the budget that was spent
	 * @param limit the part's value, e.g. {@code 10s} or {@code 100000}
	 */
	public PreviewBudgetException(PreviewBudget.Part part, String limit, String message) {
		super(message);
		this.part = part;
		this.limit = limit;
	}

	/** The part of the budget that was spent. */
	public PreviewBudget.Part part() {
		return part;
	}

	/** The part's value, as written in the message. */
	public String limit() {
		return limit;
	}

}
