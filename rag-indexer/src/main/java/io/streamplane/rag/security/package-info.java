/** Who may search: the read token of {@code /search/**}. */
package io.streamplane.rag.security;
