package io.streamplane.features.ingest;

import java.time.Duration;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import io.streamplane.features.FeatureViews;
import io.streamplane.features.SpecViews;
import io.streamplane.protocol.CompactedTopicFollower;
import io.streamplane.protocol.DesiredState;
import io.streamplane.protocol.PipelineState;
import io.streamplane.protocol.Topics;
import io.streamplane.spec.SpecVersions;
import io.streamplane.spec.StreamplaneSpecException;

/**
 * Follows {@link Topics#PIPELINES} from the beginning ({@link CompactedTopicFollower}) and serves the
 * feature views of every pipeline that is not deleted: each desired state's spec is validated once per
 * version ({@link SpecVersions}, so the control plane's periodic re-publication is a lookup) and its
 * {@code features:} handed to {@link FeatureViews}. A deleted pipeline (or a tombstone) removes its views.
 */
public final class PipelineViewsReader implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(PipelineViewsReader.class);

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final FeatureViews views;

	private final SpecVersions specs;

	private final CompactedTopicFollower<String, String> follower;

	/**
	 * @param consumers creates the consumer (no group, no auto-commit); called on start
	 * @param views where the pipelines' views go
	 */
	public PipelineViewsReader(Supplier<Consumer<String, String>> consumers, FeatureViews views) {
		this(consumers, views, new SpecVersions());
	}

	PipelineViewsReader(Supplier<Consumer<String, String>> consumers, FeatureViews views, SpecVersions specs) {
		this.views = views;
		this.specs = specs;
		this.follower = new CompactedTopicFollower<>(Topics.PIPELINES, "sp-feature-views",
				"feature views of new pipelines are no longer learnt", consumers, this::apply);
	}

	@Override
	public void start() {
		follower.start();
	}

	@Override
	public void stop() {
		follower.stop(STOP_TIMEOUT);
	}

	@Override
	public boolean isRunning() {
		return follower.isRunning();
	}

	/** Applies one record of {@link Topics#PIPELINES}: a desired state, or a tombstone keyed by pipeline. */
	void apply(ConsumerRecord<String, String> record) {
		if (record.value() == null) {
			if (record.key() != null) {
				views.remove(record.key());
			}
			return;
		}
		try {
			DesiredState desired = JSON.readValue(record.value(), DesiredState.class);
			if (desired.state() == PipelineState.DELETED || desired.spec() == null) {
				views.remove(desired.pipeline());
				return;
			}
			views.define(desired.pipeline(),
					SpecViews.of(specs.validated(desired.pipeline(), desired.version(), desired.spec()).spec()));
		}
		catch (JacksonException | NullPointerException | StreamplaneSpecException ex) {
			log.warn("Ignoring the desired state at {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
					ex.getMessage());
		}
	}

}
