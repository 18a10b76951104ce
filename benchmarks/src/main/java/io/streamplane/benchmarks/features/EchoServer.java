package io.streamplane.benchmarks.features;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The floor of the serving benchmark ({@code --echo=true}): a bare HTTP/1.1 keep-alive server in a JVM of its own, a
 * platform thread per connection blocked in {@code read}, answering every request (read up to its blank line; GETs
 * only, no body) with the same fixed 404 of about the size of the feature server's. No framework, no selector, no
 * hand-off: what is left of its latency is the kernel, the JVM and the scheduling of its threads and the load
 * generator's on this machine. Run by {@link EchoProcess}: {@code EchoServer <port>}.
 */
public final class EchoServer {

	private static final byte[] BODY = ("{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,"
			+ "\"detail\":\"no such view: no_such_view\",\"instance\":\"/features/no_such_view/x\"}")
		.getBytes(StandardCharsets.UTF_8);

	private static final byte[] RESPONSE = response();

	private EchoServer() {
	}

	public static void main(String[] args) throws IOException {
		try (ServerSocket server = new ServerSocket(Integer.parseInt(args[0]), 1024, InetAddress.getLoopbackAddress())) {
			while (true) {
				Socket connection = server.accept();
				connection.setTcpNoDelay(true);
				Thread.ofPlatform().daemon().name("echo-" + connection.getPort()).start(() -> serve(connection));
			}
		}
	}

	private static void serve(Socket connection) {
		try (connection) {
			InputStream in = new BufferedInputStream(connection.getInputStream(), 1 << 16);
			OutputStream out = connection.getOutputStream();
			while (skipRequest(in)) {
				out.write(RESPONSE);
				out.flush();
			}
		}
		catch (IOException ex) {
			// the client closed the connection
		}
	}

	/** Reads one request head up to its blank line; false at the end of the stream. */
	private static boolean skipRequest(InputStream in) throws IOException {
		int lineLength = 0;
		for (int c = in.read(); c >= 0; c = in.read()) {
			if (c == '\n') {
				if (lineLength == 0) {
					return true;
				}
				lineLength = 0;
			}
			else if (c != '\r') {
				lineLength++;
			}
		}
		return false;
	}

	private static byte[] response() {
		byte[] head = ("HTTP/1.1 404 Not Found\r\nContent-Type: application/problem+json\r\nContent-Length: "
				+ BODY.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
		byte[] response = new byte[head.length + BODY.length];
		System.arraycopy(head, 0, response, 0, head.length);
		System.arraycopy(BODY, 0, response, head.length, BODY.length);
		return response;
	}

}
