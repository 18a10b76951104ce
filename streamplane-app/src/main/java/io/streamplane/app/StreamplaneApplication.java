package io.streamplane.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;

/**
 * The single Streamplane binary. {@code streamplane.roles} selects what this process runs;
 * without an external Kafka ({@code spring.kafka.bootstrap-servers}) or PostgreSQL
 * ({@code spring.datasource.url}), or connection details beans that say where they are, it starts
 * embedded ones (see {@link io.streamplane.app.standalone}). There is no user store: the control plane authenticates
 * with its admin token, other roles serve only open actuator endpoints
 * ({@link ActuatorOnlySecurityAutoConfiguration}), so Spring Boot's in-memory user with a generated
 * password is excluded.
 */
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
public class StreamplaneApplication {

	/**
	 * Starts Streamplane. Start-up failures the user can fix are reported by failure analyzers as
	 * one message with the fix; the process then exits with status 1.
	 * @param args command-line arguments, e.g. {@code --streamplane.roles=engine}
	 */
	public static void main(String[] args) {
		try {
			SpringApplication.run(StreamplaneApplication.class, args);
		}
		catch (RuntimeException ex) {
			System.exit(1);
		}
	}

}
