package io.streamplane.kernel;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StreamplaneExceptionTest {

	@Test
	void shouldTellRetriableFromPermanent() {
		assertThat(new Failure(FailureKind.RETRIABLE).isRetriable()).isTrue();
		assertThat(new Failure(FailureKind.PERMANENT).isRetriable()).isFalse();
	}

	@Test
	void shouldTreatForeignFailuresAsRetriable() {
		assertThat(StreamplaneException.kindOf(new IllegalStateException("boom"))).isEqualTo(FailureKind.RETRIABLE);
		assertThat(StreamplaneException.kindOf(new Failure(FailureKind.PERMANENT))).isEqualTo(FailureKind.PERMANENT);
	}

	private static final class Failure extends StreamplaneException {

		Failure(FailureKind kind) {
			super("failed", null, kind);
		}

	}

}
