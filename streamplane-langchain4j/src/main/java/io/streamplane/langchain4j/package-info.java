/**
 * A LangChain4j {@link dev.langchain4j.rag.content.retriever.ContentRetriever} backed by a Streamplane index:
 * {@link io.streamplane.langchain4j.StreamplaneContentRetriever} sends each query to
 * {@code POST /search/{index}} and hands the hits to LangChain4j as contents. Needs only langchain4j-core and
 * the JDK.
 */
package io.streamplane.langchain4j;
