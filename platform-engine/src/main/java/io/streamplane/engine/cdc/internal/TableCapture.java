package io.streamplane.engine.cdc.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import io.debezium.embedded.Connect;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.ChangeEvent;
import io.streamplane.engine.cdc.CdcTable;
import io.streamplane.engine.cdc.CdcTableStatus.State;
import io.streamplane.kernel.FailureKind;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One table's Debezium engine, on a thread of its own. Each batch of change events is sent to the
 * table's topic and acknowledged by Kafka ({@code acks=all}) before Debezium may store its offset
 * and confirm the LSN to PostgreSQL: a crash repeats changes, never loses one.
 */
final class TableCapture implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(TableCapture.class);

	private final CdcTable table;

	private final ChangeRecords records;

	private final Producer<String, String> producer;

	private final AtomicLong changes;

	private final AtomicReference<State> state = new AtomicReference<>(State.STARTING);

	private final AtomicReference<String> error = new AtomicReference<>();

	private volatile FailureKind failureKind = FailureKind.RETRIABLE;

	private final DebeziumEngine<ChangeEvent<SourceRecord, SourceRecord>> engine;

	private final Thread thread;

	/**
	 * @param database where the engine captures from, named in the message of a permanent failure
	 * @param onFailure called (on the engine's thread) when the engine stops by itself with an error
	 */
	TableCapture(CdcTable table, Properties settings, Database database, Producer<String, String> producer,
			AtomicLong changes, Consumer<TableCapture> onFailure) {
		this.table = table;
		this.records = new ChangeRecords(table);
		this.producer = producer;
		this.changes = changes;
		this.engine = DebeziumEngine.create(Connect.class)
			.using(settings)
			.using(new DebeziumEngine.ConnectorCallback() {
				@Override
				public void taskStarted() {
					state.compareAndSet(State.STARTING, State.CAPTURING);
				}
			})
			.using((success, message, failure) -> {
				if (!success && state.get() != null) {
					failureKind = failure == null ? FailureKind.RETRIABLE : PostgresFailures.kindOf(failure);
					error.set(failureKind == FailureKind.PERMANENT ? PostgresFailures.describe(failure, database)
							: message == null ? String.valueOf(failure) : message);
					state.set(State.FAILED);
					logger.warn("CDC of {} failed: {}", table, message, failure);
					onFailure.accept(this);
				}
			})
			.notifying(this::handleBatch)
			.build();
		this.thread = Thread.ofPlatform().name("sp-cdc-" + table.qualifiedName()).daemon().unstarted(engine);
	}

	void start() {
		logger.info("Capturing {} into {} through slot {}", table, table.topic(), table.slotName());
		thread.start();
	}

	CdcTable table() {
		return table;
	}

	State state() {
		State current = state.get();
		return current == null ? State.STANDBY : current;
	}

	Optional<String> error() {
		return Optional.ofNullable(error.get());
	}

	/** Whether starting the capture again may help, once it failed. */
	FailureKind failureKind() {
		return failureKind;
	}

	private void handleBatch(List<ChangeEvent<SourceRecord, SourceRecord>> batch,
			DebeziumEngine.RecordCommitter<ChangeEvent<SourceRecord, SourceRecord>> committer) throws InterruptedException {
		List<Future<RecordMetadata>> sent = new ArrayList<>(batch.size());
		for (ChangeEvent<SourceRecord, SourceRecord> event : batch) {
			Optional<ProducerRecord<String, String>> record = records.toRecord(event.value());
			record.ifPresent(r -> sent.add(producer.send(r)));
		}
		for (Future<RecordMetadata> future : sent) {
			try {
				future.get();
			}
			catch (ExecutionException ex) {
				throw new CdcException("Kafka did not acknowledge a change of " + table, ex.getCause(), true);
			}
		}
		changes.addAndGet(sent.size());
		for (ChangeEvent<SourceRecord, SourceRecord> event : batch) {
			committer.markProcessed(event);
		}
		committer.markBatchFinished();
	}

	/** Stops the engine and waits for its thread; offsets of acknowledged batches are kept. */
	@Override
	public void close() {
		state.set(null);
		try {
			engine.close();
			thread.join(30_000);
		}
		catch (IOException ex) {
			logger.warn("Stopping the CDC of {}: {}", table, ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
