/** The HTTP exchange with {@code /search} and the mapping of its hits to LangChain4j contents. */
package io.streamplane.langchain4j.internal;
