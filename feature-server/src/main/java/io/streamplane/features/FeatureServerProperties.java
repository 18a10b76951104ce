package io.streamplane.features;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of the feature-server role ({@code streamplane.feature-server.*}).
 *
 * @param dataDir directory of the RocksDB tile store; one per feature server, never shared by two
 * running processes; relative paths resolve against the working directory
 * @param blockCache capacity of the RocksDB block cache shared by every view; it bounds the memtables too
 * @param writeBuffers bound on the memtables of all views together; must be smaller than {@code blockCache}
 * @param pollTimeout longest time one poll of the tile topics waits for records
 * @param topicRefreshInterval how often the list of {@code sp.features.*} topics is read again, so tiles of
 * new views are consumed without a restart
 * @param pruneInterval how often tiles older than each view's retention are deleted
 * @param maxEntitiesPerRequest largest number of entity rows one {@code POST /features} may ask for; more is
 * a 400 that names this property
 * @param maxRequestSize largest body a {@code POST /features} may send; more is a 413
 * @param servingPort port of the serving listener, where model servers read features with no web framework
 * in the path (the same {@code GET /features/{view}/{entity}} and {@code POST /features} as on the web
 * server); {@code 0} picks a free port, {@code -1} turns the listener off
 * @param servingThreads event-loop threads of the serving listener; each serves its connections one request at a
 * time, so a request waits behind those of the other connections on its loop. {@code 0} (the default) resolves to
 * {@link #defaultServingThreads(int)} of the available processors: one per core, and at least
 * {@value #MIN_DEFAULT_SERVING_THREADS}, a loop per connection of a model server's usual pool
 * @param readToken when set, every request to {@code /features/**} must carry
 * {@code Authorization: Bearer <readToken>} (else 401); at least 16 characters; unset, reads are open. Never
 * logged
 * @param views feature views served in addition to those the pipelines define (their {@code features:},
 * learnt from {@code sp.pipelines}), by view name; for tiles another producer writes; a view configured
 * here wins over a pipeline's view of the same name
 */
@Validated
@ConfigurationProperties(FeatureServerProperties.PREFIX)
public record FeatureServerProperties(@NotNull @DefaultValue("./data/features") Path dataDir,
		@NotNull @DefaultValue("256MB") DataSize blockCache, @NotNull @DefaultValue("64MB") DataSize writeBuffers,
		@NotNull @DefaultValue("500ms") Duration pollTimeout,
		@NotNull @DefaultValue("10s") Duration topicRefreshInterval,
		@NotNull @DefaultValue("1m") Duration pruneInterval,
		@Min(1) @Max(100_000) @DefaultValue("1000") int maxEntitiesPerRequest,
		@NotNull @DefaultValue("1MB") DataSize maxRequestSize,
		@Min(-1) @Max(65_535) @DefaultValue(FeatureServerProperties.DEFAULT_SERVING_PORT) int servingPort,
		@Min(0) @Max(256) @DefaultValue("0") int servingThreads, @Valid Map<String, ViewProperties> views,
		String readToken) {

	/** The prefix of every feature-server property. */
	public static final String PREFIX = "streamplane.feature-server";

	/** The serving listener's port unless {@code serving-port} says otherwise. */
	public static final String DEFAULT_SERVING_PORT = "8081";

	/**
	 * The fewest event loops the serving listener gets by default: a loop per connection for clients that keep up
	 * to 8 connections open (issue 14: on 2 cores, 8 loops for 8 connections cut the GET p99 to about a third of 2
	 * loops'). An idle loop costs a thread and no CPU.
	 */
	public static final int MIN_DEFAULT_SERVING_THREADS = 8;

	/** Keeps the views in configuration order (none configured is an empty map); resolves {@code servingThreads} 0. */
	public FeatureServerProperties {
		views = views == null ? Map.of() : new LinkedHashMap<>(views);
		servingThreads = servingThreads == 0 ? defaultServingThreads(Runtime.getRuntime().availableProcessors())
				: servingThreads;
	}

	/**
	 * The serving listener's event loops when {@code serving-threads} is {@code 0}: one per processor, and at least
	 * {@value #MIN_DEFAULT_SERVING_THREADS}.
	 *
	 * @param processors the processors available to the JVM
	 */
	public static int defaultServingThreads(int processors) {
		return Math.max(processors, MIN_DEFAULT_SERVING_THREADS);
	}

	/**
	 * The tile store's location and memory bounds.
	 *
	 * @throws FeatureServerException (permanent) if {@code writeBuffers} is not smaller than {@code blockCache}
	 */
	public TileStoreConfig tileStore() {
		return new TileStoreConfig(dataDir, blockCache, writeBuffers);
	}

	/** Whether the serving listener is on ({@code serving-port} is not {@code -1}). */
	public boolean servingEnabled() {
		return servingPort >= 0;
	}

	/** Whether reads need the {@link #readToken()}. */
	public boolean readTokenRequired() {
		return readToken != null && !readToken.isEmpty();
	}

	/** Every component but the read token, which shows as {@code ******} when set. */
	@Override
	public String toString() {
		return "FeatureServerProperties[dataDir=" + dataDir + ", blockCache=" + blockCache + ", writeBuffers="
				+ writeBuffers + ", pollTimeout=" + pollTimeout + ", topicRefreshInterval=" + topicRefreshInterval
				+ ", pruneInterval=" + pruneInterval + ", maxEntitiesPerRequest=" + maxEntitiesPerRequest
				+ ", maxRequestSize=" + maxRequestSize + ", servingPort=" + servingPort + ", servingThreads="
				+ servingThreads + ", views=" + views + ", readToken="
				+ (readTokenRequired() ? "******" : "unset") + "]";
	}

	@AssertTrue(message = "read-token must be at least 16 characters when set (or unset for open reads)")
	boolean isReadTokenLongEnough() {
		return readToken == null || readToken.isEmpty() || readToken.length() >= 16;
	}

	@AssertTrue(message = "poll-timeout, topic-refresh-interval and prune-interval must be positive, e.g. 500ms")
	boolean isIntervalsPositive() {
		return positiveOrUnset(pollTimeout) && positiveOrUnset(topicRefreshInterval) && positiveOrUnset(pruneInterval);
	}

	private static boolean positiveOrUnset(Duration duration) {
		return duration == null || duration.toMillis() > 0;
	}

	/**
	 * One feature view ({@code streamplane.feature-server.views.<name>.*}).
	 *
	 * @param entityKey name of the entity key in requests, e.g. {@code user_id}
	 * @param tileSize length of the engine's tiles for this view, e.g. {@code 1m}
	 * @param ttl an entity whose newest event is older than this reads {@code OUTSIDE_MAX_AGE}
	 * @param retention how far behind the view's newest event tiles are kept; empty: the longest window or
	 * the ttl, whichever is longer, plus one tile
	 * @param features the features by name, in the order they are served
	 */
	public record ViewProperties(@NotBlank String entityKey, @NotNull Duration tileSize, @NotNull Duration ttl,
			Duration retention, @NotEmpty @Valid Map<String, FeatureProperties> features) {

		/** Keeps the features in configuration order. */
		public ViewProperties {
			features = features == null ? Map.of() : new LinkedHashMap<>(features);
		}

		/**
		 * The view named {@code name}.
		 *
		 * @throws FeatureServerException (permanent) naming every problem of the definition
		 */
		public ServedView toView(String name) {
			Map<String, Feature> definitions = new LinkedHashMap<>();
			features.forEach((feature, definition) -> definitions.put(feature, definition.toFeature()));
			return retention == null ? ServedView.of(name, entityKey, definitions, tileSize, ttl)
					: new ServedView(name, entityKey, definitions, tileSize, ttl, retention);
		}

	}

	/**
	 * One feature of a view ({@code streamplane.feature-server.views.<name>.features.<feature>.*}).
	 *
	 * @param aggregate the aggregate function: count, sum, min, max, avg, first, last or count_distinct
	 * @param argument the event field it reads; empty for count
	 * @param window how far back from the request time it reaches; a multiple of the view's tile size
	 */
	public record FeatureProperties(@NotNull ServedAggregate aggregate, String argument, @NotNull Duration window) {

		/** The feature this definition describes. */
		public Feature toFeature() {
			return Feature.of(aggregate, argument, window);
		}

	}

}
