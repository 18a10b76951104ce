package io.streamplane.benchmarks.features;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A minimal HTTP/1.1 keep-alive client on one socket, so the load generator adds as little of its own
 * latency as possible: writes a prepared request, reads the status line and headers, and skips the body
 * ({@code Content-Length} or chunked). Not thread-safe: one per load thread.
 */
final class HttpConnection implements AutoCloseable {

	private final int port;

	private Socket socket;

	private InputStream in;

	private OutputStream out;

	private final StringBuilder line = new StringBuilder(128);

	HttpConnection(int port) throws IOException {
		this.port = port;
		connect();
	}

	private void connect() throws IOException {
		socket = new Socket(InetAddress.getLoopbackAddress(), port);
		socket.setTcpNoDelay(true);
		in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
		out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
	}

	/** A GET request for {@code path}. */
	static byte[] get(String path) {
		return ("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
	}

	/** A POST request of a JSON body to {@code path}. */
	static byte[] post(String path, String json) {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
				+ "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
		byte[] request = new byte[head.length + body.length];
		System.arraycopy(head, 0, request, 0, head.length);
		System.arraycopy(body, 0, request, head.length, body.length);
		return request;
	}

	/**
	 * Sends the request and reads the whole response; returns its status code. When the server answers
	 * {@code Connection: close}, the next request opens a new connection (its cost is charged to that request).
	 */
	int exchange(byte[] request) throws IOException {
		out.write(request);
		out.flush();
		String status = readLine();
		int code = Integer.parseInt(status.substring(9, 12));
		long length = -1;
		boolean chunked = false;
		boolean close = false;
		for (String header = readLine(); !header.isEmpty(); header = readLine()) {
			int colon = header.indexOf(':');
			String name = header.substring(0, colon).trim();
			if (name.equalsIgnoreCase("Content-Length")) {
				length = Long.parseLong(header.substring(colon + 1).trim());
			}
			else if (name.equalsIgnoreCase("Transfer-Encoding")) {
				chunked = header.substring(colon + 1).trim().equalsIgnoreCase("chunked");
			}
			else if (name.equalsIgnoreCase("Connection")) {
				close = header.substring(colon + 1).trim().equalsIgnoreCase("close");
			}
		}
		if (chunked) {
			for (long size = chunkSize(); size > 0; size = chunkSize()) {
				skip(size);
				readLine();
			}
			while (!readLine().isEmpty()) {
				// trailers
			}
		}
		else if (length > 0) {
			skip(length);
		}
		if (close) {
			socket.close();
			connect();
		}
		return code;
	}

	private long chunkSize() throws IOException {
		String size = readLine();
		int extension = size.indexOf(';');
		return Long.parseLong(extension < 0 ? size.trim() : size.substring(0, extension).trim(), 16);
	}

	private void skip(long bytes) throws IOException {
		long left = bytes;
		while (left > 0) {
			long skipped = in.skip(left);
			if (skipped <= 0) {
				if (in.read() < 0) {
					throw new IOException("connection closed in the middle of a response body");
				}
				skipped = 1;
			}
			left -= skipped;
		}
	}

	private String readLine() throws IOException {
		line.setLength(0);
		for (int c = in.read(); c != '\n'; c = in.read()) {
			if (c < 0) {
				throw new IOException("connection closed in the middle of a response");
			}
			if (c != '\r') {
				line.append((char) c);
			}
		}
		return line.toString();
	}

	@Override
	public void close() throws IOException {
		socket.close();
	}

}
