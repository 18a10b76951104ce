package io.streamplane.app.demo;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Synthetic clicks for the demo: {@code {"ts": "<now, ISO-8601>", "user_id": "u<n>"}} keyed by
 * the user, at a steady rate, in ticks of 100 ms. A fifth of the clicks come from {@code u1}, the
 * rest are spread evenly over all users, so {@code u1} always has values to show.
 */
final class ClickGenerator implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(ClickGenerator.class);

	private static final int TICKS_PER_SECOND = 10;

	private final KafkaTemplate<String, String> kafka;

	private final String topic;

	private final DemoProperties properties;

	private final Clock clock;

	private ScheduledExecutorService ticks;

	private double owed;

	ClickGenerator(KafkaTemplate<String, String> kafka, String topic, DemoProperties properties, Clock clock) {
		this.kafka = kafka;
		this.topic = topic;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public synchronized void start() {
		ticks = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("demo-clicks").daemon().factory());
		ticks.scheduleAtFixedRate(this::tick, 0, 1000 / TICKS_PER_SECOND, TimeUnit.MILLISECONDS);
		logger.info("Demo: producing " + properties.clicksPerSecond() + " clicks/s of " + properties.users()
				+ " users to topic '" + topic + "'");
	}

	@Override
	public synchronized void stop() {
		if (ticks != null) {
			ticks.shutdownNow();
			ticks = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return ticks != null;
	}

	private void tick() {
		owed += (double) properties.clicksPerSecond() / TICKS_PER_SECOND;
		try {
			for (; owed >= 1; owed--) {
				String user = "u" + user();
				kafka.send(topic, user, "{\"ts\":\"" + clock.instant() + "\",\"user_id\":\"" + user + "\"}");
			}
		}
		catch (RuntimeException ex) {
			owed = 0;
			logger.warn("Demo: could not produce clicks to '" + topic + "' (" + ex.getMessage() + "); retrying");
		}
	}

	private int user() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return random.nextInt(5) == 0 ? 1 : 1 + random.nextInt(properties.users());
	}

}
