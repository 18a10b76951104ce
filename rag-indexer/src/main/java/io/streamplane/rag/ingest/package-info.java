/**
 * How the indexer learns its indexes from {@code sp.pipelines} and feeds each index topic into its store.
 */
package io.streamplane.rag.ingest;
