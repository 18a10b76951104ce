package io.streamplane.benchmarks.features;

import java.util.ArrayList;
import java.util.List;

import io.streamplane.benchmarks.harness.BenchmarkException;

/**
 * The HTTP load phases against the running server, each open loop at a fixed rate with its own warm-up, on
 * pseudo-random entities (a hash of the request index, so every load thread agrees without sharing state).
 */
final class LoadPhases {

	private static final String GET_PATH = "/features/" + BenchView.NAME + "/";

	private final FeatureBenchmarkOptions options;

	private final ServerProcess server;

	LoadPhases(FeatureBenchmarkOptions options, ServerProcess server) {
		this.options = options;
		this.server = server;
	}

	/**
	 * Fails unless a GET and a POST of loaded entities answer every feature, none outside the ttl, and the
	 * hour-long ones present (the 1-minute windows may already have moved past the loaded tiles).
	 */
	void check() {
		int features = BenchView.featureNames().size();
		String get = server.get(GET_PATH + BenchView.entity(0));
		if (count(get, "\"status\"") != features || count(get, "OUTSIDE_MAX_AGE") > 0
				|| count(get, "\"PRESENT\"") < features - 4) {
			throw new BenchmarkException("GET of a loaded entity did not answer its " + features + " features: " + get);
		}
		String post = server.post("/features", postBody(0));
		int rows = options.postEntities();
		if (count(post, "OUTSIDE_MAX_AGE") > 0 || count(post, "\"PRESENT\"") < (features - 3) * rows) {
			throw new BenchmarkException("POST of " + rows + " loaded entities did not answer their features: " + post);
		}
	}

	/**
	 * GET of an unknown view on the serving port: a 404 problem through the same listener and API, no store
	 * read (the cost of HTTP itself).
	 */
	OpenLoopLoad.Result trivial() throws InterruptedException {
		byte[] request = HttpConnection.get("/features/no_such_view/x");
		return OpenLoopLoad.run("HTTP GET unknown view (404, no store read), serving port", server.servingPort(),
				options.connections(), options.getRate(), options.warmup(), options.measure(), 404, i -> request);
	}

	/**
	 * The same 404 request to the bare {@link EchoServer} on {@code port}: the floor of the kernel, the JVM, the
	 * scheduling and this load generator, without the feature server's stack.
	 */
	OpenLoopLoad.Result echo(int port) throws InterruptedException {
		byte[] request = HttpConnection.get("/features/no_such_view/x");
		return OpenLoopLoad.run("HTTP GET to a bare blocking-socket server (EchoServer, own JVM): the floor", port,
				options.connections(), options.getRate(), options.warmup(), options.measure(), 404, i -> request);
	}

	/**
	 * GET of one entity's 20 features on the serving port, where model servers read; each round reads its own
	 * sequence of entities.
	 */
	OpenLoopLoad.Result get(int round) throws InterruptedException {
		long first = round * (long) options.entities();
		return OpenLoopLoad.run("HTTP GET /features/{view}/{entity}, serving port", server.servingPort(),
				options.connections(), options.getRate(), options.warmup(), options.measure(), 200,
				i -> HttpConnection.get(GET_PATH + BenchView.entity(entity(first + i, 0))));
	}

	/** Feast's POST of {@code post-entities} entities on the serving port. */
	Latency post() throws InterruptedException {
		return OpenLoopLoad.run("HTTP POST /features, " + options.postEntities() + " entities, serving port",
				server.servingPort(), options.connections(), options.postRate(), options.warmup(), options.measure(),
				200, i -> HttpConnection.post("/features", postBody(i))).latency();
	}

	/** The same GET on the web server's port (Tomcat and Spring MVC), for comparison. */
	Latency webGet() throws InterruptedException {
		return OpenLoopLoad.run("Web server port (Tomcat, Spring MVC): GET /features/{view}/{entity}", server.port(),
				options.connections(), options.getRate(), options.warmup(), options.measure(), 200,
				i -> HttpConnection.get(GET_PATH + BenchView.entity(entity(i, 0)))).latency();
	}

	private String postBody(long request) {
		List<String> entities = new ArrayList<>(options.postEntities());
		for (int i = 0; i < options.postEntities(); i++) {
			entities.add(BenchView.entity(entity(request, i + 1)));
		}
		return "{\"view\": \"" + BenchView.NAME + "\", \"entities\": {\"" + BenchView.KEY + "\": [\""
				+ String.join("\", \"", entities) + "\"]}}";
	}

	private long entity(long request, int slot) {
		long z = request * 1_000_003L + slot + options.seed() * 0x9E3779B97F4A7C15L;
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		z = z ^ (z >>> 31);
		return Math.floorMod(z, options.entities());
	}

	private static int count(String text, String needle) {
		int count = 0;
		for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
			count++;
		}
		return count;
	}

}
