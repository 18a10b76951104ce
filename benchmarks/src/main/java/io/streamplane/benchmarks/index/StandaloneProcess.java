package io.streamplane.benchmarks.index;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import io.streamplane.app.standalone.EmbeddedPostgresServer;
import io.streamplane.benchmarks.harness.BenchmarkCluster;

/**
 * Streamplane standalone (embedded broker and PostgreSQL, no demo) on free ports with its data in
 * {@code dataDir}, log {@code target/index-freshness.log}; with an {@code indexerHeap}, the rag-indexer runs in
 * a JVM of its own beside it (standalone's other roles stay in the first; log
 * {@code target/index-freshness-indexer.log}), as in production, so its CPU and memory are its own. Searches go
 * to the process with the rag-indexer role.
 */
final class StandaloneProcess implements AutoCloseable {

	private final AppProcess standalone;

	private final AppProcess indexer;

	private final int postgresPort;

	private final Path dataDir;

	private final int kafkaPort;

	private StandaloneProcess(AppProcess standalone, AppProcess indexer, int postgresPort, Path dataDir,
			int kafkaPort) {
		this.standalone = standalone;
		this.indexer = indexer;
		this.postgresPort = postgresPort;
		this.dataDir = dataDir;
		this.kafkaPort = kafkaPort;
	}

	/**
	 * @param heap the standalone's heap
	 * @param indexerHeap the separate rag-indexer's heap, or {@code null} to keep the role in the standalone
	 */
	static StandaloneProcess start(Path dataDir, String heap, String indexerHeap) throws IOException {
		int postgresPort = BenchmarkCluster.freePort();
		int kafkaPort = BenchmarkCluster.freePort();
		List<String> arguments = new ArrayList<>(List.of("--streamplane.feature-server.serving-port="
				+ BenchmarkCluster.freePort(), "--streamplane.standalone.data-dir=" + dataDir,
				"--streamplane.standalone.kafka-port=" + kafkaPort,
				"--streamplane.standalone.controller-port=" + BenchmarkCluster.freePort(),
				"--streamplane.standalone.postgres-port=" + postgresPort, "--streamplane.demo.enabled=false"));
		if (indexerHeap != null) {
			arguments.add("--streamplane.roles=control-plane,engine");
		}
		AppProcess standalone = AppProcess.start(heap, BenchmarkCluster.freePort(), arguments, "index-freshness.log",
				() -> Files.exists(dataDir.resolve("admin-token")));
		if (indexerHeap == null) {
			return new StandaloneProcess(standalone, standalone, postgresPort, dataDir, kafkaPort);
		}
		try {
			AppProcess indexer = AppProcess.start(indexerHeap, BenchmarkCluster.freePort(),
					List.of("--spring.kafka.bootstrap-servers=localhost:" + kafkaPort,
							"--streamplane.standalone.enabled=false", "--streamplane.roles=rag-indexer",
							"--streamplane.rag-indexer.data-dir=" + dataDir.resolve("indexer")),
					"index-freshness-indexer.log", () -> true);
			return new StandaloneProcess(standalone, indexer, postgresPort, dataDir, kafkaPort);
		}
		catch (RuntimeException ex) {
			standalone.close();
			throw ex;
		}
	}

	/** The embedded broker's bootstrap address. */
	String bootstrap() {
		return "localhost:" + kafkaPort;
	}

	/** A connection to the standalone's PostgreSQL database (autocommit). */
	Connection connect() throws SQLException {
		return DriverManager.getConnection("jdbc:postgresql://localhost:" + postgresPort + "/"
				+ EmbeddedPostgresServer.DATABASE, EmbeddedPostgresServer.USER, "");
	}

	/** Registers a pipeline with the admin token the standalone generated. */
	void register(String yaml) throws IOException {
		String token = Files.readString(dataDir.resolve("admin-token")).trim();
		standalone.require(HttpRequest.newBuilder(standalone.uri("/api/v1/pipelines"))
			.header("Authorization", "Bearer " + token).header("Content-Type", "application/yaml")
			.POST(BodyPublishers.ofString(yaml)), 201);
	}

	/** The process with the rag-indexer role: the standalone itself, or the indexer's own JVM. */
	AppProcess indexer() {
		return indexer;
	}

	/** Whether the rag-indexer runs in a JVM of its own. */
	boolean split() {
		return indexer != standalone;
	}

	/** CPU time of every process so far. */
	java.time.Duration cpuTime() {
		return split() ? standalone.cpuTime().plus(indexer.cpuTime()) : standalone.cpuTime();
	}

	@Override
	public void close() {
		if (split()) {
			indexer.close();
		}
		standalone.close();
	}

}
