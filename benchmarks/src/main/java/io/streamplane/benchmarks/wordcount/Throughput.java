package io.streamplane.benchmarks.wordcount;

/**
 * One throughput measurement.
 *
 * @param records input records processed
 * @param nanos from the first input record consumed to the last one processed
 * @param outputRecords records the run wrote to its output topic
 * @param lateRecords records not counted for arriving after their window closed: dropped by Kafka
 * Streams or, in (a), dead-lettered
 */
record Throughput(long records, long nanos, long outputRecords, long lateRecords) {

	/** Input records per second. */
	double perSecond() {
		return records * 1e9 / nanos;
	}

	Throughput withOutputRecords(long outputRecords) {
		return new Throughput(records, nanos, outputRecords, lateRecords);
	}

	Throughput withLateRecords(long lateRecords) {
		return new Throughput(records, nanos, outputRecords, lateRecords);
	}

}
