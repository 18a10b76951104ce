package io.streamplane.engine.runtime;

import org.springframework.context.SmartLifecycle;

/**
 * Starts the engine after the context is refreshed (status reports, then the desired-state reader)
 * and stops it gracefully when the context closes: stop following desired states, close every
 * Kafka Streams application within {@code streamplane.engine.close-timeout} (leaving their groups,
 * keeping local state), then withdraw this instance's status reports.
 */
final class EngineLifecycle implements SmartLifecycle {

	private final PipelineSupervisor supervisor;

	private final StatusReporter reporter;

	private final DesiredStateReader reader;

	private volatile boolean running;

	EngineLifecycle(PipelineSupervisor supervisor, StatusReporter reporter, DesiredStateReader reader) {
		this.supervisor = supervisor;
		this.reporter = reporter;
		this.reader = reader;
	}

	@Override
	public void start() {
		supervisor.start();
		reporter.start();
		reader.start();
		running = true;
	}

	@Override
	public void stop() {
		running = false;
		reader.stop();
		var pipelines = supervisor.pipelines();
		supervisor.stop();
		reporter.stop(pipelines);
	}

	@Override
	public boolean isRunning() {
		return running;
	}

}
