package io.streamplane.api.console;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the web console: its page at {@code /} and its assets under {@code /console/}, from
 * {@value #ASSETS} on the classpath (the {@code ui} module's jar; without it, {@code /} answers 404). Assets
 * are revalidated on every load ({@code Cache-Control: no-cache}, answered 304 while unchanged), so a new
 * version is seen at once. Console pages get a Content-Security-Policy that allows scripts, styles and
 * requests to this origin only.
 */
@Configuration(proxyBeanMethods = false)
public class ConsoleConfiguration implements WebMvcConfigurer {

	/** Where the console's assets are on the classpath. */
	public static final String ASSETS = "classpath:/streamplane/console/";

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/console/**").addResourceLocations(ASSETS).setCacheControl(CacheControl.noCache());
	}

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addViewController("/").setViewName("forward:/console/index.html");
	}

	@Bean
	FilterRegistrationBean<ConsoleSecurityHeaders> consoleSecurityHeaders() {
		return new FilterRegistrationBean<>(new ConsoleSecurityHeaders());
	}

}
