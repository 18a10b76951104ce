package io.streamplane.features.serving;

import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.handler.timeout.ReadTimeoutHandler;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.EnvironmentAware;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;

import io.streamplane.features.FeatureServerException;

/**
 * The serving listener: {@code GET /features/{view}/{entity}} and {@code POST /features} on a port of their
 * own ({@code streamplane.feature-server.serving-port}, default 8081), for model servers. A request is
 * decoded, answered from the tile store and written by the event-loop thread that read it: no hand-off
 * between threads and no web framework, which is what keeps the tail latency low (a servlet container
 * passes every request from its poller to a worker and back). Each event loop owns its connections; the
 * answers are {@link io.streamplane.features.web.FeatureApi}'s, the same as on the web server's
 * {@code /features}. Idle keep-alive connections close after a minute. Once listening, the port is in the
 * environment as {@value #LOCAL_PORT}.
 */
public final class ServingServer implements SmartLifecycle, EnvironmentAware {

	/** The property that holds the port listened on once started, like Spring Boot's {@code local.server.port}. */
	public static final String LOCAL_PORT = "local.feature-serving.port";

	private static final Logger log = LoggerFactory.getLogger(ServingServer.class);

	private static final int IDLE_SECONDS = 60;

	private static final String LEAK_DETECTION = "io.netty.leakDetection.level";

	private final int requestedPort;

	private final int threads;

	private final ServingHandler handler;

	private EventLoopGroup loops;

	private Channel channel;

	private volatile int port = -1;

	private Environment environment;

	/**
	 * @param port the port to listen on, {@code 0} for any free one
	 * @param threads event-loop threads, at least 1; each owns its connections and serves them one request at a time
	 * @throws IllegalArgumentException if {@code threads} is less than 1
	 */
	public ServingServer(int port, int threads, ServingHandler handler) {
		if (threads < 1) {
			throw new IllegalArgumentException("serving threads must be at least 1, was " + threads
					+ "; set streamplane.feature-server.serving-threads to a positive number, or 0 for the default");
		}
		this.requestedPort = port;
		this.threads = threads;
		this.handler = handler;
	}

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	/** The event-loop threads it runs while started. */
	public int threads() {
		return threads;
	}

	/** The port listened on; {@code -1} while stopped. */
	public int port() {
		return port;
	}

	@Override
	public synchronized void start() {
		turnOffLeakDetection();
		loops = new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory("sp-serving", true),
				NioIoHandler.newFactory());
		ServerBootstrap bootstrap = new ServerBootstrap().group(loops)
			.channel(NioServerSocketChannel.class)
			.option(ChannelOption.SO_BACKLOG, 1024)
			.childOption(ChannelOption.TCP_NODELAY, true)
			.childHandler(new ChannelInitializer<SocketChannel>() {
				@Override
				protected void initChannel(SocketChannel connection) {
					connection.pipeline()
						.addLast(new ReadTimeoutHandler(IDLE_SECONDS))
						.addLast(new HttpServerCodec())
						.addLast(new HttpServerKeepAliveHandler())
						.addLast(handler.aggregator())
						.addLast(handler);
				}
			});
		try {
			channel = bootstrap.bind(requestedPort).syncUninterruptibly().channel();
		}
		catch (Exception ex) { // Netty rethrows the bind's checked exception undeclared
			loops.shutdownGracefully(0, 0, TimeUnit.SECONDS);
			throw bindFailure(ex);
		}
		port = ((InetSocketAddress) channel.localAddress()).getPort();
		if (environment instanceof ConfigurableEnvironment configurable) {
			configurable.getPropertySources().addFirst(new MapPropertySource(LOCAL_PORT, Map.of(LOCAL_PORT, port)));
		}
		log.info("Serving features on port {}: GET /features/{{view}}/{{entity}} and POST /features ({} event loops)",
				port, threads);
	}

	@Override
	public synchronized void stop() {
		if (channel != null) {
			channel.close().syncUninterruptibly();
			channel = null;
		}
		if (loops != null) {
			loops.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
			loops = null;
		}
		port = -1;
	}

	@Override
	public boolean isRunning() {
		return port >= 0;
	}

	/**
	 * Turns Netty's buffer leak detector off unless {@value #LEAK_DETECTION} is set: by default it samples about
	 * one buffer in 128 and records a stack trace for each, tens of microseconds on the event loop for one
	 * request in fifty, which shows in the tail latency. The handler releases every buffer it takes; set
	 * {@code -Dio.netty.leakDetection.level=paranoid} to check that (the tests do).
	 */
	private static void turnOffLeakDetection() {
		if (System.getProperty(LEAK_DETECTION) == null) {
			ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
		}
	}

	private FeatureServerException bindFailure(Exception ex) {
		Throwable cause = ex;
		while (cause != null && !(cause instanceof BindException)) {
			cause = cause.getCause();
		}
		String reason = cause == null ? String.valueOf(ex.getMessage()) : "the port is in use";
		return FeatureServerException.permanent("cannot listen on serving port " + requestedPort + ": " + reason
				+ "; set streamplane.feature-server.serving-port to a free port, 0 for any, or -1 to turn the "
				+ "serving listener off", ex);
	}

}
