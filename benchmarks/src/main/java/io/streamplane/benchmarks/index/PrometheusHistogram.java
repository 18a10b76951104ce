package io.streamplane.benchmarks.index;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One timer of a Prometheus scrape of the {@code documents} index: count, sum and cumulative buckets (seconds),
 * so two scrapes can be subtracted and quantiles read from the buckets.
 *
 * @param count observations
 * @param sum their sum, seconds
 * @param buckets cumulative counts by upper bound, seconds (empty without a histogram)
 */
record PrometheusHistogram(long count, double sum, TreeMap<Double, Long> buckets) {

	private static final Pattern LINE = Pattern.compile("(?m)^(\\w+?)(_bucket|_count|_sum)\\{([^}]*)\\} (\\S+)$");

	private static final Pattern LE = Pattern.compile("le=\"([^\"]+)\"");

	/** The timer {@code name} whose labels hold {@code label} (and {@code index="documents"}) in {@code scrape}. */
	static PrometheusHistogram of(String scrape, String name, String label) {
		long count = 0;
		double sum = 0;
		TreeMap<Double, Long> buckets = new TreeMap<>();
		Matcher line = LINE.matcher(scrape == null ? "" : scrape);
		while (line.find()) {
			String labels = line.group(3);
			if (!line.group(1).equals(name) || !labels.contains("index=\"documents\"") || !labels.contains(label)) {
				continue;
			}
			double value = Double.parseDouble(line.group(4));
			switch (line.group(2)) {
				case "_count" -> count = (long) value;
				case "_sum" -> sum = value;
				default -> {
					Matcher le = LE.matcher(labels);
					if (le.find()) {
						buckets.put(le.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le.group(1)),
								(long) value);
					}
				}
			}
		}
		return new PrometheusHistogram(count, sum, buckets);
	}

	/** What was observed between {@code earlier} and this. */
	PrometheusHistogram minus(PrometheusHistogram earlier) {
		TreeMap<Double, Long> difference = new TreeMap<>();
		for (Map.Entry<Double, Long> bucket : buckets.entrySet()) {
			difference.put(bucket.getKey(), bucket.getValue() - earlier.buckets().getOrDefault(bucket.getKey(), 0L));
		}
		return new PrometheusHistogram(count - earlier.count(), sum - earlier.sum(), difference);
	}

	/** Mean seconds, NaN without observations. */
	double mean() {
		return count == 0 ? Double.NaN : sum / count;
	}

	/** The upper bound (seconds) of the bucket that holds the {@code quantile}, NaN without buckets. */
	double quantile(double quantile) {
		long rank = (long) Math.ceil(quantile * count);
		for (Map.Entry<Double, Long> bucket : buckets.entrySet()) {
			if (bucket.getValue() >= rank && count > 0) {
				return bucket.getKey();
			}
		}
		return Double.NaN;
	}

}
