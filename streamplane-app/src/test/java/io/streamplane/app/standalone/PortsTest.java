package io.streamplane.app.standalone;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PortsTest {

	@Test
	void shouldNamePortPropertyAndFixWhenPortIsTaken() throws IOException {
		try (ServerSocket taken = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
			int port = taken.getLocalPort();
			assertThatExceptionOfType(StandaloneException.class)
				.isThrownBy(() -> Ports.requireFree(port, "kafka-port", "the embedded Kafka broker"))
				.satisfies((ex) -> {
					assertThat(ex).hasMessageStartingWith("Port " + port + " for the embedded Kafka broker "
							+ "(streamplane.standalone.kafka-port) is already in use");
					assertThat(ex.action()).contains("--streamplane.standalone.kafka-port=");
				});
		}
	}

}
