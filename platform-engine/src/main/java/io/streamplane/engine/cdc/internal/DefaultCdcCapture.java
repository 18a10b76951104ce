package io.streamplane.engine.cdc.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.streamplane.engine.cdc.CdcCapture;
import io.streamplane.engine.cdc.CdcProperties;
import io.streamplane.engine.cdc.CdcTable;
import io.streamplane.engine.cdc.CdcTableStatus;
import io.streamplane.engine.cdc.CdcTableStatus.State;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's {@link CdcCapture}: takes part in the leader election once a table is demanded;
 * while leader, runs one {@link TableCapture} per demanded table, reads the slots' lag, and
 * releases (slot, publication, offsets) each table whose demand ends. All changes of state run on
 * one control thread.
 */
public final class DefaultCdcCapture implements CdcCapture.Owned {

	private static final Logger logger = LoggerFactory.getLogger(DefaultCdcCapture.class);

	private final CdcProperties properties;

	private final Supplier<Database> database;

	private final CdcKafka kafka;

	private final int replicationFactor;

	private final CdcMeters meters;

	private final ScheduledExecutorService control = Executors
		.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("sp-cdc-control").daemon().factory());

	private final Map<CdcTable, TableCapture> captures = new ConcurrentHashMap<>();

	private final Map<CdcTable, AtomicLong> changes = new ConcurrentHashMap<>();

	private final Map<String, Long> lag = new ConcurrentHashMap<>();

	private final Map<CdcTable, String> startFailures = new ConcurrentHashMap<>();

	private volatile Set<CdcTable> demanded = Set.of();

	private LeaderElection election;

	private KafkaProducer<String, String> producer;

	private Leadership leadership;

	/**
	 * @param database where to capture from; resolved on first demand, so that an engine without
	 * CDC demand needs no database
	 * @param kafkaBase the common Kafka client configuration (bootstrap servers, security)
	 * @param replicationFactor of the topics created; {@code -1} for the broker default
	 */
	public DefaultCdcCapture(CdcProperties properties, Supplier<Database> database, Map<String, Object> kafkaBase,
			String instanceId, int replicationFactor, MeterRegistry registry) {
		this.properties = properties;
		this.database = database;
		this.kafka = new CdcKafka(kafkaBase, instanceId);
		this.replicationFactor = replicationFactor;
		this.meters = new CdcMeters(registry, this::isLeader, lag, changes);
	}

	@Override
	public void demand(Set<CdcTable> tables) {
		Set<CdcTable> union = new LinkedHashSet<>(tables);
		union.addAll(properties.staticTables());
		Set<CdcTable> copy = Set.copyOf(union);
		control.execute(() -> {
			Set<CdcTable> before = demanded;
			demanded = copy;
			before.stream().filter(table -> !copy.contains(table)).forEach(meters::remove);
			copy.forEach(table -> meters.add(table, changes.computeIfAbsent(table, t -> new AtomicLong())));
			if (!copy.isEmpty() && election == null) {
				election = new LeaderElection(
						() -> kafka.createTopic(properties.leaderTopic(), 1, replicationFactor, Map.of()),
						() -> kafka.groupMember(properties.leaderTopic(), properties.sessionTimeout().toMillis()),
						properties.leaderTopic(), new ElectionListener());
				election.start();
			}
			reconcile(before);
		});
	}

	@Override
	public Set<CdcTable> demanded() {
		return demanded;
	}

	@Override
	public boolean isLeader() {
		return election != null && election.isLeader();
	}

	@Override
	public List<CdcTableStatus> status() {
		List<CdcTableStatus> status = new ArrayList<>();
		for (CdcTable table : demanded) {
			boolean leader = isLeader();
			TableCapture capture = leader ? captures.get(table) : null;
			Optional<String> startFailure = Optional.ofNullable(leader ? startFailures.get(table) : null);
			State state = capture != null ? capture.state() : startFailure.isPresent() ? State.FAILED : State.STANDBY;
			Long bytes = leader ? lag.get(table.slotName()) : null;
			status.add(new CdcTableStatus(table, state, bytes == null ? OptionalLong.empty() : OptionalLong.of(bytes),
					changes.getOrDefault(table, new AtomicLong()).get(),
					capture == null ? startFailure : capture.error()));
		}
		status.sort(Comparator.comparing(s -> s.table().qualifiedName()));
		return status;
	}

	/** Brings the running captures in line with leadership and demand (control thread only). */
	private void reconcile(Set<CdcTable> previouslyDemanded) {
		if (leadership == null) {
			return;
		}
		for (CdcTable table : new LinkedHashSet<>(captures.keySet())) {
			if (!demanded.contains(table)) {
				captures.remove(table).close();
			}
		}
		startFailures.keySet().retainAll(demanded);
		for (CdcTable table : previouslyDemanded) {
			if (!demanded.contains(table)) {
				release(table);
			}
		}
		for (CdcTable table : demanded) {
			if (!captures.containsKey(table)) {
				start(table);
			}
		}
	}

	private void start(CdcTable table) {
		try {
			kafka.createTopic(table.topic(), properties.partitions(), replicationFactor,
					Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
			TableCapture capture = new TableCapture(table, leadership.prepare(table), producer(), changes.computeIfAbsent(table, t -> new AtomicLong()), this::restartLater);
			captures.put(table, capture);
			startFailures.remove(table);
			capture.start();
		}
		catch (CdcException ex) {
			if (!ex.getMessage().equals(startFailures.put(table, ex.getMessage()))) {
				logger.warn("Cannot capture {} (trying again every {}): {}", table, properties.restartBackoff(),
						ex.getMessage());
			}
			control.schedule(() -> retry(table), properties.restartBackoff().toMillis(), TimeUnit.MILLISECONDS);
		}
	}

	private void retry(CdcTable table) {
		if (leadership != null && demanded.contains(table) && !captures.containsKey(table)) {
			start(table);
		}
	}

	private void restartLater(TableCapture failed) {
		control.schedule(() -> {
			if (captures.get(failed.table()) == failed) {
				captures.remove(failed.table()).close();
				retry(failed.table());
			}
		}, properties.restartBackoff().toMillis(), TimeUnit.MILLISECONDS);
	}

	private void release(CdcTable table) {
		try {
			leadership.admin().release(table, 30_000);
			int erased = new OffsetsEraser(kafka, properties.offsetsTopic()).erase(DebeziumSettings.serverName(table));
			logger.info("Released {}: slot dropped, {} offset(s) erased", table, erased);
		}
		catch (CdcException ex) {
			logger.warn("Cannot release {}: {}", table, ex.getMessage());
		}
	}

	private KafkaProducer<String, String> producer() {
		if (producer == null) {
			producer = kafka.changeProducer();
		}
		return producer;
	}

	private void runOnControl(Runnable action) {
		try {
			control.submit(action).get(60, TimeUnit.SECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			logger.warn("CDC leadership change did not complete: {}", ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void stopAll() {
		captures.values().forEach(TableCapture::close);
		captures.clear();
		startFailures.clear();
		if (leadership != null) {
			leadership.close();
			leadership = null;
		}
	}

	/** Stops capturing, without releasing anything: another instance carries on. Idempotent. */
	@Override
	public synchronized void close() {
		if (control.isShutdown()) {
			return;
		}
		if (election != null) {
			election.close();
		}
		runOnControl(this::stopAll);
		control.shutdownNow();
		if (producer != null) {
			producer.close();
		}
	}

	private final class ElectionListener implements LeaderElection.Listener {

		@Override
		public void elected() {
			runOnControl(() -> {
				leadership = new Leadership(properties, database.get(), kafka, replicationFactor, lag, control);
				reconcile(Set.of());
			});
		}

		@Override
		public void demoted() {
			runOnControl(DefaultCdcCapture.this::stopAll);
		}

	}

}
