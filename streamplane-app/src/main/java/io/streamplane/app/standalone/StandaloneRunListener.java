package io.streamplane.app.standalone;

import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.streamplane.app.standalone.StandaloneInfrastructure.Component;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts standalone infrastructure for a Streamplane application and ties it to the context.
 * <ul>
 * <li>Validates {@code streamplane.standalone.*} once the context is prepared: after every property
 * source, including those added by initializers such as {@code @DynamicPropertySource}.</li>
 * <li>Starts once the bean definitions are read and before any bean is created, so that a connection
 * details bean (a {@code @ServiceConnection} container, Docker Compose) keeps its component from being
 * embedded as its property would ({@link StandaloneActivation}).</li>
 * <li>Adds the connection properties, the admin token and the roles' local data directories
 * (under the standalone data directory, unless configured) as the highest-precedence property
 * source.</li>
 * <li>Registers the infrastructure as the context's first disposable bean, so that it stops after
 * every other bean has been destroyed, whether the context is closed by the shutdown hook (Ctrl-C,
 * SIGTERM), by a failed start or programmatically.</li>
 * <li>Logs a banner with the endpoints when the application is ready.</li>
 * </ul>
 */
final class StandaloneRunListener implements SpringApplicationRunListener {

	static final String PROPERTY_SOURCE_NAME = "streamplaneStandalone";

	/** Where the roles keep local data, unless configured: under the standalone data directory. */
	private static final Map<String, String> ROLE_DATA_DIRS = Map.of("streamplane.engine.state-dir", "engine",
			"streamplane.feature-server.data-dir", "features", "streamplane.rag-indexer.data-dir", "indexes");

	private StandaloneInfrastructure infrastructure;

	private boolean tokenFromFile;

	StandaloneRunListener(SpringApplication application, String[] args) {
	}

	@Override
	public void contextPrepared(ConfigurableApplicationContext context) {
		ConfigurableEnvironment environment = context.getEnvironment();
		StandaloneProperties properties = StandaloneActivation.properties(environment);
		Set<Component> configured = StandaloneActivation.components(environment, properties);
		if (!configured.isEmpty()) {
			context.addBeanFactoryPostProcessor(beanFactory -> start(context, beanFactory, properties, configured));
		}
	}

	private void start(ConfigurableApplicationContext context, ConfigurableListableBeanFactory beanFactory,
			StandaloneProperties properties, Set<Component> configured) {
		Set<Component> components = EnumSet.copyOf(configured);
		components.removeAll(StandaloneActivation.connectedByBeans(beanFactory));
		if (components.isEmpty()) {
			return;
		}
		ConfigurableEnvironment environment = context.getEnvironment();
		this.infrastructure = StandaloneInfrastructure.start(properties, components);
		Map<String, Object> injected = new LinkedHashMap<>(this.infrastructure.connectionProperties());
		if (!environment.containsProperty(AdminToken.PROPERTY)) {
			injected.put(AdminToken.PROPERTY, AdminToken.readOrCreate(this.infrastructure.dataDir()));
			this.tokenFromFile = true;
		}
		ROLE_DATA_DIRS.forEach((property, directory) -> {
			if (!environment.containsProperty(property)) {
				injected.put(property, this.infrastructure.dataDir().resolve(directory).toString());
			}
		});
		environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, injected));
		if (beanFactory instanceof DefaultListableBeanFactory registry) {
			registry.registerSingleton(StandaloneInfrastructure.BEAN_NAME, this.infrastructure);
			registry.registerDisposableBean(StandaloneInfrastructure.BEAN_NAME, this.infrastructure::close);
		}
	}

	@Override
	public void ready(ConfigurableApplicationContext context, Duration timeTaken) {
		if (this.infrastructure != null) {
			StandaloneBanner.log(this.infrastructure, context.getEnvironment(), this.tokenFromFile, timeTaken);
		}
	}

	@Override
	public void failed(ConfigurableApplicationContext context, Throwable exception) {
		if (this.infrastructure == null) {
			return;
		}
		if (context != null && context.isActive()) {
			context.close();
		}
		this.infrastructure.close();
	}

}
