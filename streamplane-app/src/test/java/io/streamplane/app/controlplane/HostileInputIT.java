package io.streamplane.app.controlplane;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.streamplane.app.StreamplaneApplication;
import io.streamplane.app.testing.ApiClient;
import io.streamplane.app.testing.ApiClient.Response;
import io.streamplane.app.testing.StreamplaneIntegrationTest;
import io.streamplane.features.serving.ServingServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12: hostile input against the running platform (the web port with the control plane, the engine and the
 * feature server, and the feature serving port; real embedded Kafka and PostgreSQL). Every request is answered
 * within seconds with a 4xx (or, for a full preview pool, 503) {@code application/problem+json} that names the
 * problem, and {@link LivenessProbe liveness}, probed in parallel through every test, never takes longer than a
 * second beyond the longest time the whole JVM could not run meanwhile (a saturated machine, a GC pause).
 */
@SpringBootTest(classes = StreamplaneApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class HostileInputIT extends StreamplaneIntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String PROBLEM = "application/problem+json";

	/** How long any hostile request may take to be answered; generous for a busy 2-core machine. */
	private static final Duration ANSWERED_WITHIN = Duration.ofSeconds(20);

	private static final Duration LIVENESS_BOUND = Duration.ofSeconds(1);

	private static final String SOURCE = """
			name: hostile
			sources:
			  events:
			    kafka: { topic: events }
			    eventTime: { field: ts, unit: seconds }
			    fields: { ts: int, user: string, xs: list }
			transforms:
			  out:
			    from: events
			    steps:
			%s
			outputs:
			  - { from: out, kafka: { topic: out } }
			""";

	private static final String THOUSAND = "[" + "1,".repeat(999) + "1]";

	private static LivenessProbe liveness;

	@LocalServerPort
	int port;

	@Value("${" + ServingServer.LOCAL_PORT + "}")
	int servingPort;

	private ApiClient anonymous;

	private ApiClient admin;

	@BeforeEach
	void clients() {
		admin = ApiClient.admin(port, ADMIN_TOKEN);
		anonymous = admin.withoutToken();
		if (liveness == null) {
			liveness = LivenessProbe.start(port);
			liveness.awaitProbes(3, Duration.ofSeconds(60));
		}
		liveness.reset();
	}

	@AfterEach
	void livenessNeverStalled() {
		liveness.awaitProbes(1, Duration.ofSeconds(10));
		assertThat(liveness.failures()).as("liveness probes that failed").isEmpty();
		// a probe may take longer than the bound only by as long as the whole JVM could not run (a machine
		// at a load of 60 on 2 cores paused it for a second), never because a request held liveness up
		assertThat(liveness.slowest())
			.as("slowest liveness probe; slow ones: %s; longest pause of the JVM meanwhile: %s", liveness.slow(),
					liveness.longestPause())
			.isLessThan(LIVENESS_BOUND.plus(liveness.longestPause()));
	}

	@AfterAll
	static void stopProbe() {
		if (liveness != null) {
			liveness.close();
			liveness = null;
		}
	}

	@Test
	void shouldRejectAHoppingWindowOfADayAdvancingByAMillisecondAtValidation() {
		Response response = timed(() -> anonymous.post("/api/v1/pipelines/validate", "application/yaml",
				spec("- keyBy: user\n- window: { hopping: { size: 1d, advance: 1ms } }\n  aggregate: { n: \"count()\" }")));

		assertProblem(response, 400, "advance 1ms puts each record into 86400000 windows of size 1d, more than the limit "
				+ "of 1000; make advance at least 1m26s400ms");
		assertThat(response.json().at("/errors/0/path").asString())
			.isEqualTo("transforms.out.steps[1].window.hopping.advance");
	}

	@Test
	void shouldRejectWindowsOfAHundredThousandDays() {
		Response hopping = timed(() -> anonymous.post("/api/v1/pipelines/validate", "application/yaml",
				spec("- keyBy: user\n- window: { hopping: { size: 100000d, advance: 1ms } }\n  aggregate: { n: \"count()\" }")));
		Response tumbling = timed(() -> anonymous.post("/api/v1/pipelines/validate", "application/yaml",
				spec("- keyBy: user\n- window: { tumbling: 100000d }\n  aggregate: { n: \"count()\" }")));

		assertProblem(hopping, 400, "window of 100000d is longer than the limit of 366d");
		assertProblem(tumbling, 400, "window of 100000d is longer than the limit of 366d");
	}

	@Test
	void shouldRejectTheHeapFillingPreviewOfIssue12BeforeRunningIt() {
		Response response = timed(() -> preview(
				spec("- keyBy: user\n- window: { hopping: { size: 1d, advance: 1ms } }\n  aggregate: { n: \"count()\" }"),
				"[{\"topic\": \"events\", \"key\": \"u1\", \"value\": {\"ts\": 1, \"user\": \"u1\", \"xs\": []}}]"));

		assertProblem(response, 400, "puts each record into 86400000 windows");
	}

	@Test
	void shouldRejectSevenNestedComprehensions() {
		String ten = "[0,1,2,3,4,5,6,7,8,9]";
		String expression = "a + b + c + d + e + f + g";
		for (char variable : "gfedcba".toCharArray()) {
			expression = ten + ".map(" + variable + ", " + expression + ")";
		}
		String filter = "- filter: \"" + expression + ".size() > 0\"";

		Response response = timed(() -> preview(spec(filter), input("{\"ts\": 1, \"user\": \"u1\", \"xs\": []}")));

		assertProblem(response, 400, "nests 7 comprehensions (map, filter, all, exists, exists_one) in each other, more "
				+ "than the limit of 3");
	}

	@Test
	void shouldDeadLetterARecordWhoseExpressionExceedsTheIterationBudget() {
		String hundred = "[" + "0,".repeat(99) + "0]";
		String filter = "- filter: \"" + hundred + ".map(a, " + hundred + ".map(b, " + hundred
				+ ".map(c, a + b + c))).size() > 0\"";

		Response response = timed(() -> preview(spec(filter), input("{\"ts\": 1, \"user\": \"u1\", \"xs\": []}")));

		if (response.status() == 422) {
			assertThat(response.json().path("budget").asString()).as("only on a starved machine")
				.isEqualTo("streamplane.control-plane.preview.timeout");
			return;
		}
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.json().at("/deadLetters/0/reason").asString()).contains("Iteration budget exceeded");
	}

	@Test
	void shouldStopARecordThatFansOutAtTheStepBudgetAndSayHowToRaiseIt() {
		String explodes = "- explode: { field: a, from: xs }\n- explode: { field: b, from: xs }\n"
				+ "- explode: { field: c, from: xs }\n- select: [a, b, c]";

		Response response = timed(
				() -> preview(spec(explodes), input("{\"ts\": 1, \"user\": \"u1\", \"xs\": " + THOUSAND + "}")));

		assertProblem(response, 422, "and was stopped; preview fewer or smaller records, or raise "
				+ "streamplane.control-plane.preview.");
		assertThat(response.json().path("budget").asString()).as("steps, or time on a starved machine")
			.isIn("streamplane.control-plane.preview.max-steps", "streamplane.control-plane.preview.timeout");
	}

	@Test
	void shouldStopAPreviewWhoseOutputsExceedTheRecordBudget() {
		String explodes = "- explode: { field: a, from: xs }\n- explode: { field: b, from: xs }\n- select: [a, b]";

		Response response = timed(() -> preview(spec(explodes), input("{\"ts\": 1, \"user\": \"u1\", \"xs\": [" +
				"1,".repeat(199) + "1]}")));

		assertProblem(response, 422, "raise streamplane.control-plane.preview.max-output-records (now 10000)");
	}

	@Test
	void shouldAnswerEveryPreviewOfABurstWithAResultOrAProblemWhileThePoolIsFull() throws Exception {
		String explodes = "- explode: { field: a, from: xs }\n- explode: { field: b, from: xs }\n"
				+ "- explode: { field: c, from: xs }\n- select: [a, b, c]";
		String body = previewBody(spec(explodes), input("{\"ts\": 1, \"user\": \"u1\", \"xs\": " + THOUSAND + "}"));
		ExecutorService clients = Executors.newFixedThreadPool(10);
		try {
			List<Future<Response>> answers = new ArrayList<>();
			for (int i = 0; i < 10; i++) {
				answers.add(clients.submit(() -> timed(() -> anonymous.post("/api/v1/preview", "application/json", body))));
			}
			for (Future<Response> answer : answers) {
				Response response = answer.get();
				assertThat(response.status()).as(response.toString()).isIn(422, 503);
				assertThat(response.contentType()).startsWith(PROBLEM);
				if (response.status() == 503) {
					assertThat(response.json().path("detail").asString())
						.contains("preview threads are busy", "streamplane.control-plane.preview.threads");
				}
			}
		}
		finally {
			clients.shutdownNow();
		}
	}

	@Test
	void shouldAnswerAnAsOfBeyondYear9999WithABadRequestOnBothPortsWithoutAnErrorLog(CapturedOutput output) {
		String path = "/features/test_clicks/u1?as_of=%2B999999999-12-31T23:59:59Z";

		Response web = timed(() -> anonymous.get(path));
		Response serving = timed(() -> ApiClient.admin(servingPort, ADMIN_TOKEN).withoutToken().get(path));

		assertProblem(web, 400, "is not an ISO-8601 instant from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z");
		assertProblem(serving, 400, "is not an ISO-8601 instant from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z");
		assertThat(output.getOut() + output.getErr()).doesNotContain("ArithmeticException")
			.doesNotContain("Unexpected error while reading features");
	}

	@Test
	void shouldAnswerAnEncodedDotDotSlashWithAProblem() throws IOException {
		RawResponse response = raw(port, "GET /api/v1/pipelines/..%2F..%2Fetc%2Fpasswd HTTP/1.1\r\nHost: localhost\r\n"
				+ "Connection: close\r\n\r\n");

		assertRawProblem(response, 400);
	}

	@Test
	void shouldAnswerABareCarriageReturnWithAProblem() throws IOException {
		RawResponse response = raw(port, "GET /api/v1/pipelines HTTP/1.1\rHost: localhost\r\nConnection: close\r\n\r\n");

		assertRawProblem(response, 400);
	}

	@Test
	void shouldAnswerTraceWithAProblem() throws IOException {
		RawResponse response = raw(port, "TRACE /api/v1/pipelines HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

		assertRawProblem(response, 405);
	}

	@Test
	void shouldAnswerATlsHelloOnTheHttpPortWithAProblem() throws IOException {
		byte[] clientHello = HexFormat.of().parseHex("16030100a5010000a10303" + "00".repeat(32)
				+ "000020c02bc02fc02cc030cca9cca8c009c013c00ac014009c009d002f0035c012000a0100005800000018001600"
				+ "00136578616d706c652e756c666865696d2e6e6574000500050100000000000a000a0008001d001700180019000b"
				+ "00020100000d0012001004010403050105030601060302010203ff0100010000120000");

		RawResponse response = raw(port, clientHello);

		assertRawProblem(response, 400);
	}

	@Test
	void shouldAnswerAnUnknownPathOutsideTheApiWithAProblem() {
		Response response = timed(() -> anonymous.get("/no/such/page"));

		assertThat(response.status()).isEqualTo(404);
		assertThat(response.contentType()).startsWith(PROBLEM);
	}

	@Test
	void shouldAnswerABodyLargerThanTheLimitWithAProblemOnBothPorts() throws IOException {
		String huge = "{\"features\": [\"" + "x".repeat(2 * 1024 * 1024) + "\"]}";

		Response web = timed(() -> anonymous.post("/api/v1/pipelines/validate", "application/json", huge));
		RawResponse serving = raw(servingPort, "POST /features HTTP/1.1\r\nHost: localhost\r\nContent-Type: "
				+ "application/json\r\nContent-Length: 100000000\r\n\r\n{\"features\": [");

		assertProblem(web, 413, "raise streamplane.control-plane.max-request-size");
		assertRawProblem(serving, 413);
		assertThat(serving.body()).contains("streamplane.feature-server.max-request-size");
	}

	@Test
	void shouldAnswerDeeplyNestedJsonWithAProblem() {
		String deep = "[".repeat(100_000) + "]".repeat(100_000);

		Response validate = timed(() -> anonymous.post("/api/v1/pipelines/validate", "application/json",
				"{\"name\": " + deep + "}"));
		Response preview = timed(() -> anonymous.post("/api/v1/preview", "application/json",
				"{\"spec\": " + deep + ", \"inputs\": []}"));
		Response features = timed(() -> ApiClient.admin(servingPort, ADMIN_TOKEN).withoutToken().post("/features",
				"application/json", "{\"entities\": " + deep + "}"));

		assertThat(List.of(validate, preview, features)).allSatisfy(response -> {
			assertThat(response.status()).as(response.toString()).isBetween(400, 499);
			assertThat(response.contentType()).startsWith(PROBLEM);
		});
	}

	@Test
	void shouldAnswerLongNamesWithAProblem() {
		String name = "a".repeat(100_000);

		Response register = timed(() -> admin.post("/api/v1/pipelines", "application/yaml",
				SOURCE.replace("name: hostile", "name: " + name).formatted("      - filter: \"true\"")));
		Response read = timed(() -> anonymous.get("/api/v1/pipelines/" + "b".repeat(4000)));
		Response feature = timed(() -> anonymous.get("/features/" + "c".repeat(4000) + "/u1"));

		assertProblem(register, 400, "invalid pipeline name");
		assertThat(read.status()).as(read.toString()).isBetween(400, 499);
		assertThat(read.contentType()).startsWith(PROBLEM);
		assertThat(feature.status()).as(feature.toString()).isEqualTo(404);
		assertThat(feature.contentType()).startsWith(PROBLEM);
	}

	@Test
	void shouldAnswerAHugeRequestLineWithAProblem() throws IOException {
		RawResponse response = raw(port, "GET /api/v1/pipelines/" + "d".repeat(100_000) + " HTTP/1.1\r\nHost: localhost\r\n"
				+ "Connection: close\r\n\r\n");

		assertThat(response.status()).as(response.text()).isBetween(400, 499);
		assertThat(response.contentType()).startsWith(PROBLEM);
	}

	@Test
	void shouldAnswerInvalidUtf8AndLoneSurrogatesWithAProblem() {
		byte[] invalid = "{\"name\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);

		Response bytes = timed(() -> anonymous.send("POST", "/api/v1/pipelines/validate", "application/json",
				BodyPublishers.ofByteArray(invalid)));
		Response surrogate = timed(() -> anonymous.post("/api/v1/pipelines/validate", "application/json",
				"{\"name\": \"\\ud800\"}"));

		assertThat(List.of(bytes, surrogate)).allSatisfy(response -> {
			assertThat(response.status()).as(response.toString()).isEqualTo(400);
			assertThat(response.contentType()).startsWith(PROBLEM);
		});
	}

	@Test
	void shouldAnswerBrokenPercentEncodingAndHugeHeadersWithAProblemOnBothPorts() throws IOException {
		String overlong = "GET /features/test_clicks/%C0%AF HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
		String broken = "GET /api/v1/pipelines/%ZZ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
		String hugeHeader = "GET /api/v1/pipelines HTTP/1.1\r\nHost: localhost\r\nX-Padding: " + "p".repeat(100_000)
				+ "\r\nConnection: close\r\n\r\n";

		List<RawResponse> responses = List.of(raw(port, overlong), raw(servingPort, overlong), raw(port, broken),
				raw(servingPort, broken), raw(port, hugeHeader), raw(servingPort, hugeHeader));

		assertThat(responses).allSatisfy(response -> {
			assertThat(response.status()).as(response.text()).isBetween(400, 499);
			assertThat(response.contentType()).as(response.text()).isEqualTo(PROBLEM);
			assertThat(response.body()).doesNotContain("Exception", "Apache Tomcat", "<html");
		});
	}

	@Test
	void shouldKeepAnsweringWhileClientsHoldPartialBodies() throws Exception {
		List<Socket> slow = new ArrayList<>();
		try {
			for (int i = 0; i < 20; i++) {
				Socket socket = new Socket("localhost", port);
				socket.getOutputStream().write(("POST /api/v1/pipelines/validate HTTP/1.1\r\nHost: localhost\r\n"
						+ "Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n{\"name\": ")
					.getBytes(StandardCharsets.US_ASCII));
				slow.add(socket);
			}
			Thread.sleep(2000);

			Response response = timed(() -> anonymous.post("/api/v1/pipelines/validate", "application/yaml",
					spec("- filter: \"true\"")));

			assertThat(response.status()).as(response.toString()).isEqualTo(200);
		}
		finally {
			for (Socket socket : slow) {
				socket.close();
			}
		}
	}

	@Test
	void shouldShowHealthDetailsOnlyToTheAdmin() {
		JsonNode open = timed(() -> anonymous.get("/actuator/health")).json();
		JsonNode forAdmin = timed(() -> admin.get("/actuator/health")).json();

		assertThat(open.path("status").asString()).isNotEmpty();
		assertThat(open.findValues("details")).isEmpty();
		assertThat(forAdmin.findValues("details")).isNotEmpty();
	}

	@Test
	void shouldIgnoreAForeignBearerTokenOnOpenEndpointsAndRefuseItOnProtectedOnes() {
		ApiClient foreign = admin.withToken("a-feature-read-token-or-a-proxy-token");

		Response read = timed(() -> foreign.get("/api/v1/pipelines"));
		Response health = timed(() -> foreign.get("/actuator/health"));
		Response mutation = timed(() -> foreign.post("/api/v1/pipelines", "application/yaml", spec("- filter: \"true\"")));

		Response anonymousHealth = timed(() -> anonymous.get("/actuator/health"));

		assertThat(read.status()).as(read.toString()).isEqualTo(200);
		// The health status is the shared platform's (other tests' pipelines may be down, 503):
		// what matters here is that the foreign token is answered like no token, never 401/403.
		assertThat(health.status()).as(health.toString()).isIn(200, 503);
		assertThat(anonymousHealth.status()).as(anonymousHealth.toString()).isIn(200, 503);
		assertThat(health.json().path("status").asString()).isNotEmpty();
		assertThat(health.json().findValues("details")).isEmpty();
		assertThat(mutation.status()).isEqualTo(401);
		assertThat(mutation.contentType()).startsWith(PROBLEM);
	}

	private Response preview(String spec, String inputs) {
		return anonymous.post("/api/v1/preview", "application/json", previewBody(spec, inputs));
	}

	private static String previewBody(String spec, String inputs) {
		ObjectNode request = JSON.createObjectNode();
		request.put("spec", spec);
		request.set("inputs", JSON.readTree(inputs));
		return request.toString();
	}

	private static String input(String value) {
		return "[{\"topic\": \"events\", \"key\": \"u1\", \"value\": " + value + "}]";
	}

	private static String spec(String steps) {
		return SOURCE.formatted(steps.lines().map(line -> "      " + line).reduce((a, b) -> a + "\n" + b).orElseThrow());
	}

	private static <T> T timed(Callable<T> request) {
		long start = System.nanoTime();
		try {
			T answer = request.call();
			assertThat(Duration.ofNanos(System.nanoTime() - start)).as("time to answer").isLessThan(ANSWERED_WITHIN);
			return answer;
		}
		catch (Exception ex) {
			throw new AssertionError("the request failed: " + ex, ex);
		}
	}

	private static void assertProblem(Response response, int status, String detail) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.contentType()).startsWith(PROBLEM);
		JsonNode problem = response.json();
		assertThat(problem.path("type").asString()).startsWith("urn:streamplane:problem:");
		assertThat(problem.path("detail").asString() + problem.path("errors").toString()).contains(detail);
	}

	private static void assertRawProblem(RawResponse response, int status) {
		assertThat(response.status()).as(response.text()).isEqualTo(status);
		assertThat(response.contentType()).as(response.text()).isEqualTo(PROBLEM);
		JsonNode problem = JSON.readTree(response.body());
		assertThat(problem.path("type").asString()).startsWith("urn:streamplane:problem:");
		assertThat(problem.path("status").asInt()).isEqualTo(status);
		assertThat(response.body()).doesNotContain("Exception", "Apache Tomcat", "<html");
	}

	private static RawResponse raw(int port, String request) throws IOException {
		return raw(port, request.getBytes(StandardCharsets.ISO_8859_1));
	}

	/** Sends bytes as they are and reads the answer until the server closes the connection or sends it whole. */
	private static RawResponse raw(int port, byte[] request) throws IOException {
		long start = System.nanoTime();
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout((int) ANSWERED_WITHIN.toMillis());
			OutputStream out = socket.getOutputStream();
			out.write(request);
			out.flush();
			RawResponse response = RawResponse.read(socket.getInputStream());
			assertThat(Duration.ofNanos(System.nanoTime() - start)).as("time to answer").isLessThan(ANSWERED_WITHIN);
			return response;
		}
	}

	/** An HTTP/1.1 response read from a socket: status line, headers, body by Content-Length or to the end. */
	private record RawResponse(String text) {

		static RawResponse read(InputStream in) throws IOException {
			StringBuilder text = new StringBuilder();
			byte[] buffer = new byte[8192];
			int read;
			while ((read = in.read(buffer)) > 0) {
				text.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
				RawResponse partial = new RawResponse(text.toString());
				if (partial.complete()) {
					break;
				}
			}
			return new RawResponse(text.toString());
		}

		int status() {
			String[] statusLine = text.lines().findFirst().orElse("").split(" ");
			return statusLine.length > 1 ? Integer.parseInt(statusLine[1]) : -1;
		}

		String header(String name) {
			return head().lines().skip(1).filter(line -> line.regionMatches(true, 0, name + ":", 0, name.length() + 1))
				.map(line -> line.substring(name.length() + 1).trim()).findFirst().orElse(null);
		}

		String contentType() {
			String type = header("Content-Type");
			return type == null ? null : type.split(";")[0].trim();
		}

		String body() {
			int end = text.indexOf("\r\n\r\n");
			return end < 0 ? "" : text.substring(end + 4);
		}

		private String head() {
			int end = text.indexOf("\r\n\r\n");
			return end < 0 ? text : text.substring(0, end);
		}

		private boolean complete() {
			String length = text.contains("\r\n\r\n") ? header("Content-Length") : null;
			return length != null && body().getBytes(StandardCharsets.UTF_8).length >= Integer.parseInt(length);
		}

	}

}
