package io.streamplane.benchmarks.harness;

/**
 * One throughput measurement.
 *
 * @param records input records processed
 * @param nanos from the first input record consumed to the end of the run
 * @param outputRecords records the run wrote to its output topic
 * @param droppedRecords input records that did not make it into the result: dropped by Kafka
 * Streams (e.g. late for their window) or dead-lettered by a Streamplane pipeline
 */
public record Throughput(long records, long nanos, long outputRecords, long droppedRecords) {

	/** Input records per second. */
	public double perSecond() {
		return records * 1e9 / nanos;
	}

	public Throughput withOutputRecords(long outputRecords) {
		return new Throughput(records, nanos, outputRecords, droppedRecords);
	}

	public Throughput withDroppedRecords(long droppedRecords) {
		return new Throughput(records, nanos, outputRecords, droppedRecords);
	}

}
