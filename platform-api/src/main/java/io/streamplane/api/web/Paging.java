package io.streamplane.api.web;

import io.streamplane.api.ControlPlaneProperties;

/** The page parameters every listing accepts. */
final class Paging {

	private Paging() {
	}

	/** @throws InvalidRequestException naming {@code page} or {@code size} when out of range */
	static void check(int page, int size, ControlPlaneProperties properties) {
		if (page < 0) {
			throw InvalidRequestException.of("page", "must be 0 or more, got " + page);
		}
		if (size < 1 || size > properties.maxPageSize()) {
			throw InvalidRequestException.of("size",
					"must be between 1 and " + properties.maxPageSize() + ", got " + size);
		}
	}

}
