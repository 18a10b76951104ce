package io.streamplane.engine.runtime;

import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.streams.errors.StreamsException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorMessagesTest {

	@Test
	void shouldNameTheRootCauseAndWhereItHappened() {
		StreamsException failure = new StreamsException("Error encountered sending record to topic payments-out",
				new RecordTooLargeException("The request included a message larger than the max message size"));

		assertThat(ErrorMessages.describe(failure)).isEqualTo("RecordTooLargeException: The request included a "
				+ "message larger than the max message size (Error encountered sending record to topic payments-out)");
	}

	@Test
	void shouldKeepAMessageWithoutCausesAsItIs() {
		assertThat(ErrorMessages.describe(new IllegalStateException("broken"))).isEqualTo("IllegalStateException: broken");
	}

	@Test
	void shouldTruncateLongMessages() {
		assertThat(ErrorMessages.describe(new IllegalStateException("x".repeat(2000)))).hasSize(ErrorMessages.MAX_LENGTH);
	}

}
