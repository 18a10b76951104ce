package io.streamplane.features.serving;

import java.util.List;
import java.util.Optional;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.streamplane.features.metrics.FeatureRequestTimers;
import io.streamplane.features.security.ReadToken;
import io.streamplane.features.web.FeatureAnswer;
import io.streamplane.features.web.FeatureApi;

/**
 * Answers the requests of the serving listener on the event loop that decoded them: the read token first
 * (when configured), then {@code GET /features/{view}/{entity}[?as_of=]} or {@code POST /features} through
 * {@link FeatureApi}; any other request is a 404 problem that says what is served. Path segments are
 * percent-decoded one by one, so an entity may contain an encoded {@code /}. Every request is timed in the
 * {@code serving} listener's {@link FeatureRequestTimers}. Bodies are bounded by the API's
 * {@code max-request-size} (413, then the connection closes); request lines and headers by the HTTP codec's
 * limits (400).
 */
@Sharable
public final class ServingHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

	private static final Logger log = LoggerFactory.getLogger(ServingHandler.class);

	private static final String FEATURES = "features";

	/** The initial size of a response body's buffer: a GET of 20 features fits, larger answers grow it. */
	private static final int BODY_BUFFER_BYTES = 4096;

	private final FeatureApi api;

	private final ReadToken token;

	private final FeatureRequestTimers timers;

	/**
	 * @param token the read token reads must carry, or null for open reads
	 */
	public ServingHandler(FeatureApi api, ReadToken token, FeatureRequestTimers timers) {
		this.api = api;
		this.token = token;
		this.timers = timers;
	}

	/** A new aggregator of request bodies up to the API's limit, for one connection's pipeline. */
	HttpObjectAggregator aggregator() {
		return new BoundedBodies((int) Math.min(Integer.MAX_VALUE, api.maxRequestBytes()));
	}

	@Override
	protected void channelRead0(ChannelHandlerContext context, FullHttpRequest request) {
		long start = System.nanoTime();
		QueryStringDecoder uri = new QueryStringDecoder(request.uri());
		String path = uri.rawPath();
		Optional<String> rejection = token == null ? Optional.empty()
				: token.rejection(request.headers().get(HttpHeaderNames.AUTHORIZATION));
		FeatureAnswer answer;
		boolean malformed = request.decoderResult().isFailure();
		if (malformed) {
			answer = api.malformed(String.valueOf(request.decoderResult().cause().getMessage()), path);
		}
		else if (rejection.isPresent()) {
			answer = FeatureAnswer.unauthorized(rejection.get(), path);
		}
		else {
			answer = route(request, uri, path);
		}
		send(context, request, answer, rejection.isPresent(), malformed);
		timers.record(request.method().name(), answer.status(), System.nanoTime() - start);
	}

	@Override
	public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
		log.debug("Serving connection {} closed: {}", context.channel().remoteAddress(), cause.toString());
		context.close();
	}

	private FeatureAnswer route(FullHttpRequest request, QueryStringDecoder uri, String path) {
		String[] segments = path.split("/", -1);
		boolean features = segments.length >= 2 && segments[0].isEmpty() && segments[1].equals(FEATURES);
		if (features && segments.length == 2 && request.method().equals(HttpMethod.POST)) {
			return api.post(ByteBufUtil.getBytes(request.content()), path);
		}
		if (features && segments.length == 4 && request.method().equals(HttpMethod.GET) && !segments[2].isEmpty()
				&& !segments[3].isEmpty()) {
			List<String> asOf = uri.parameters().get("as_of");
			return api.get(QueryStringDecoder.decodeComponent(segments[2]),
					QueryStringDecoder.decodeComponent(segments[3]), asOf == null ? null : asOf.getFirst(), path);
		}
		return api.unknownEndpoint(request.method().name(), path);
	}

	/** Writes the answer; the connection closes after a 413 or a request that could not be decoded. */
	private void send(ChannelHandlerContext context, HttpRequest request, FeatureAnswer answer,
			boolean challenge, boolean malformed) {
		boolean keepAlive = HttpUtil.isKeepAlive(request) && answer.status() != 413 && !malformed;
		FullHttpResponse response;
		try {
			response = response(context.alloc(), answer, challenge, keepAlive);
		}
		catch (RuntimeException ex) {
			response = response(context.alloc(), api.failure(ex, new QueryStringDecoder(request.uri()).rawPath()), false,
					keepAlive);
		}
		context.writeAndFlush(response)
			.addListener(keepAlive ? ChannelFutureListener.CLOSE_ON_FAILURE : ChannelFutureListener.CLOSE);
	}

	/**
	 * The response, its body written into a buffer of the channel's (pooled) allocator.
	 *
	 * @throws RuntimeException if the body cannot be written (its buffer is released)
	 */
	private static FullHttpResponse response(ByteBufAllocator allocator, FeatureAnswer answer, boolean challenge,
			boolean keepAlive) {
		ByteBuf body = allocator.buffer(BODY_BUFFER_BYTES);
		try {
			answer.writeTo(new ByteBufOutputStream(body));
		}
		catch (RuntimeException ex) {
			body.release();
			throw ex;
		}
		FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
				HttpResponseStatus.valueOf(answer.status()), body);
		response.headers()
			.set(HttpHeaderNames.CONTENT_TYPE, answer.contentType())
			.setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
		if (challenge) {
			response.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, ReadToken.CHALLENGE);
		}
		HttpUtil.setKeepAlive(response, keepAlive);
		return response;
	}

	/** Aggregates request bodies; one larger than the limit is answered with the API's 413 problem. */
	private final class BoundedBodies extends HttpObjectAggregator {

		BoundedBodies(int maxBytes) {
			super(maxBytes);
		}

		@Override
		protected void handleOversizedMessage(ChannelHandlerContext context, HttpMessage oversized) {
			send(context, (HttpRequest) oversized, tooLarge((HttpRequest) oversized), false, false);
		}

		/**
		 * The answer to {@code Expect: 100-continue}: Netty's, unless the announced body is too large, where
		 * Netty's 413 has no body; then the API's 413 problem (the client sends no body, the connection stays).
		 */
		@Override
		protected Object newContinueResponse(HttpMessage start, int maxContentLength, ChannelPipeline pipeline) {
			Object response = super.newContinueResponse(start, maxContentLength, pipeline);
			if (response instanceof FullHttpResponse netty && netty.status().equals(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE)
					&& start instanceof HttpRequest request) {
				netty.release();
				return response(pipeline.channel().alloc(), tooLarge(request), false, true);
			}
			return response;
		}

		private FeatureAnswer tooLarge(HttpRequest request) {
			String path = new QueryStringDecoder(request.uri()).rawPath();
			long length = HttpUtil.getContentLength(request, -1L);
			return api.tooLarge(length >= 0 ? length + " bytes" : "more than " + api.maxRequestBytes() + " bytes", path);
		}

	}

}
