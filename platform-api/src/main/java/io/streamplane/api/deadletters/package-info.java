/**
 * The last records of a pipeline's dead-letter topic with their reasons, read on demand within bounded time
 * and size: {@code GET /api/v1/pipelines/{name}/dead-letters}.
 */
package io.streamplane.api.deadletters;
