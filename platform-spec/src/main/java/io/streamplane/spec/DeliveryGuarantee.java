package io.streamplane.spec;

/** How often each input record affects the outputs; written in lower case, e.g. {@code exactly_once}. */
public enum DeliveryGuarantee {

	/** Once, through Kafka transactions ({@code exactly_once_v2}); the default. */
	EXACTLY_ONCE,

	/** At least once: after a failure some outputs may repeat. Lower latency. */
	AT_LEAST_ONCE

}
