package io.streamplane.app.demo;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the demo: an example pipeline with a feature view ({@code user_clicks}) and a
 * synthetic click generator feeding it, so {@code /features} answers live values within a minute
 * of start-up. Off by default; needs the control-plane role (it registers the pipeline).
 *
 * @param enabled whether to register the demo pipeline and generate clicks
 * @param clicksPerSecond how many clicks the generator produces per second, 1 to 10,000
 * @param users how many distinct users ({@code u1} … {@code uN}) click; {@code u1} clicks most
 */
@ConfigurationProperties(DemoProperties.PREFIX)
public record DemoProperties(@DefaultValue("false") boolean enabled, @DefaultValue("20") int clicksPerSecond,
		@DefaultValue("100") int users) {

	/** The prefix of every demo property. */
	public static final String PREFIX = "streamplane.demo";

	/**
	 * Validates every value and reports all problems at once.
	 * @throws IllegalArgumentException naming each bad property, its value and what is allowed
	 */
	public DemoProperties {
		List<String> problems = new ArrayList<>();
		if (clicksPerSecond < 1 || clicksPerSecond > 10_000) {
			problems.add(PREFIX + ".clicks-per-second=" + clicksPerSecond + " must be from 1 to 10000");
		}
		if (users < 1 || users > 1_000_000) {
			problems.add(PREFIX + ".users=" + users + " must be from 1 to 1000000");
		}
		if (!problems.isEmpty()) {
			throw new IllegalArgumentException("Invalid demo configuration: " + String.join("; ", problems));
		}
	}

}
