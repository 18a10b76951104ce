package io.streamplane.engine.cdc;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of PostgreSQL change data capture in the engine role
 * ({@code streamplane.engine.cdc.*}). The database connection comes from here or, for each of
 * {@code url}, {@code username} and {@code password} not set, from the application's own database:
 * Spring Boot's JDBC connection details, i.e. {@code spring.datasource.*}, standalone's embedded
 * PostgreSQL or a {@code @ServiceConnection} container; never from a pipeline spec. An engine
 * without demanded tables never connects to the database.
 *
 * @param tables tables captured whatever the pipelines demand, as {@code schema.table}
 * @param url JDBC URL of the database, e.g. {@code jdbc:postgresql://db:5432/app}; default
 * the application's ({@code spring.datasource.url})
 * @param username database user with the REPLICATION attribute; default the application's
 * ({@code spring.datasource.username})
 * @param password its password; default the application's ({@code spring.datasource.password});
 * never logged
 * @param pollInterval how long the capture waits when the replication stream has nothing new
 * (Debezium {@code poll.interval.ms}); lower is fresher and busier
 * @param maxBatchSize most changes handed to Kafka in one batch (Debezium {@code max.batch.size})
 * @param offsetFlushInterval how often the offsets of changes Kafka has acknowledged are stored
 * and confirmed to the slot (Debezium {@code offset.flush.interval.ms}); shorter repeats fewer
 * changes after a failover, longer lets the capture keep up with more changes a second
 * @param heartbeatInterval how often an idle capture confirms its position to PostgreSQL, so the
 * slot does not retain WAL written for other tables (Debezium {@code heartbeat.interval.ms})
 * @param heartbeatTable {@code schema.table} the heartbeat writes to (created if missing, one row
 * per slot), so that a slot also advances when only other databases of the server change; empty
 * (the default): no heartbeat writes
 * @param leaderTopic single-partition topic whose consumer group elects the capturing instance
 * @param offsetsTopic compacted topic of Debezium's offsets (the last WAL position acknowledged by
 * Kafka, per table)
 * @param sessionTimeout how long the leader may be silent before another instance takes over
 * @param partitions partitions of each table's topic when Streamplane creates it
 * @param lagInterval how often the leader reads the slots' lag from {@code pg_replication_slots}
 * @param restartBackoff wait before a failed capture is started again
 */
@Validated
@ConfigurationProperties(CdcProperties.PREFIX)
public record CdcProperties(@NotNull @DefaultValue List<String> tables, Optional<String> url,
		Optional<String> username, Optional<String> password, @NotNull @DefaultValue("20ms") Duration pollInterval,
		@Min(1) @Max(100_000) @DefaultValue("2048") int maxBatchSize,
		@NotNull @DefaultValue("1s") Duration offsetFlushInterval,
		@NotNull @DefaultValue("10s") Duration heartbeatInterval,
		String heartbeatTable,
		@NotNull @DefaultValue("sp.cdc.leader") String leaderTopic,
		@NotNull @DefaultValue("sp.cdc.offsets") String offsetsTopic,
		@NotNull @DefaultValue("10s") Duration sessionTimeout, @Min(1) @Max(1000) @DefaultValue("1") int partitions,
		@NotNull @DefaultValue("5s") Duration lagInterval, @NotNull @DefaultValue("2s") Duration restartBackoff) {

	/** The prefix of every CDC property. */
	public static final String PREFIX = "streamplane.engine.cdc";

	public CdcProperties {
		tables = tables == null ? List.of() : List.copyOf(tables);
		url = url == null ? Optional.empty() : url;
		username = username == null ? Optional.empty() : username;
		password = password == null ? Optional.empty() : password;
		heartbeatTable = heartbeatTable == null ? "" : heartbeatTable.strip();
	}

	@AssertTrue(message = "must be schema.table names, each a letter or '_' then letters, digits or '_', e.g. public.users")
	boolean isTablesValid() {
		try {
			staticTables();
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/** The statically configured tables. */
	public List<CdcTable> staticTables() {
		return tables.stream().map(CdcTable::parse).toList();
	}

	@Override
	public String toString() {
		return "CdcProperties[tables=" + tables + ", url=" + url + ", username=" + username + ", password="
				+ password.map(p -> "******") + "]";
	}

}
