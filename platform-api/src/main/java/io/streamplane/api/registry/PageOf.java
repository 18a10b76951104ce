package io.streamplane.api.registry;

import java.util.List;

/**
 * One page of a listing.
 *
 * @param items the items on this page
 * @param page the page number, from 0
 * @param size the requested page size
 * @param totalItems the number of items on all pages
 * @param totalPages the number of pages
 * @param <T> the item type
 */
public record PageOf<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

	static <T> PageOf<T> of(List<T> items, int page, int size, long totalItems) {
		return new PageOf<>(items, page, size, totalItems, (int) ((totalItems + size - 1) / size));
	}

}
