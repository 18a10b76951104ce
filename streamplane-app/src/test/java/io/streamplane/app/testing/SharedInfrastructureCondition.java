package io.streamplane.app.testing;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips a test class whose shared infrastructure cannot run here, before its Spring context is
 * loaded: the container path without Docker ({@link TestInfrastructure#unavailable()}), with a message
 * naming the switch. Testcontainers' {@code @Testcontainers(disabledWithoutDocker = true)}, for a
 * backend chosen at run time.
 */
public final class SharedInfrastructureCondition implements ExecutionCondition {

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		return TestInfrastructure.unavailable()
			.map(ConditionEvaluationResult::disabled)
			.orElseGet(() -> ConditionEvaluationResult.enabled("the shared test infrastructure can run here"));
	}

}
