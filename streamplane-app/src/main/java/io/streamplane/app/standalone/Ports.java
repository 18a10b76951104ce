package io.streamplane.app.standalone;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Checks that the embedded servers can bind their ports before anything starts. */
final class Ports {

	private Ports() {
	}

	/**
	 * Fails if {@code port} cannot be bound on the loopback interface.
	 * @param property the property that sets this port, without the standalone prefix
	 * @param server what would listen there, e.g. {@code the embedded Kafka broker}
	 * @throws StandaloneException naming the port, the property and the fix
	 */
	static void requireFree(int port, String property, String server) {
		try (ServerSocket socket = new ServerSocket()) {
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
		}
		catch (IOException ex) {
			throw new StandaloneException(
					"Port " + port + " for " + server + " (" + StandaloneProperties.PREFIX + "." + property
							+ ") is already in use, probably by another Streamplane, Kafka or PostgreSQL.",
					"Stop the other instance, or pass --" + StandaloneProperties.PREFIX + "." + property
							+ "=<a free port> (and --" + StandaloneProperties.PREFIX
							+ ".data-dir=... for a second instance).");
		}
	}

}
