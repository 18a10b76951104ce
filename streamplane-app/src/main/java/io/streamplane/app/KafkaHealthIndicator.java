package io.streamplane.app;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Health of the Kafka cluster, as {@code kafka}: up with the cluster id and node count when
 * {@code describeCluster} answers within the timeout, down with the error otherwise. One
 * {@link Admin} client is reused across checks and closed with the context.
 */
public final class KafkaHealthIndicator implements HealthIndicator, AutoCloseable {

	private final Admin admin;

	private final Duration timeout;

	/**
	 * @param adminConfig the admin client configuration, at least {@code bootstrap.servers}
	 * @param timeout how long one check may wait for the cluster
	 */
	public KafkaHealthIndicator(Map<String, Object> adminConfig, Duration timeout) {
		this.admin = Admin.create(adminConfig);
		this.timeout = timeout;
	}

	@Override
	public Health health() {
		DescribeClusterResult cluster = this.admin
			.describeCluster(new DescribeClusterOptions().timeoutMs((int) this.timeout.toMillis()));
		try {
			String clusterId = cluster.clusterId().get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
			int nodes = cluster.nodes().get(this.timeout.toMillis(), TimeUnit.MILLISECONDS).size();
			return Health.up().withDetail("clusterId", clusterId).withDetail("nodes", nodes).build();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Health.down(ex).build();
		}
		catch (ExecutionException ex) {
			return Health.down(ex.getCause()).build();
		}
		catch (TimeoutException ex) {
			return Health.down().withDetail("error", "no answer from Kafka within " + this.timeout.toMillis() + " ms")
				.build();
		}
	}

	@Override
	public void close() {
		this.admin.close(Duration.ofSeconds(2));
	}

}
