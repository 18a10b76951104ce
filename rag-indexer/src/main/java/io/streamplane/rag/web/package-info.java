/** The HTTP search API ({@code /search/**}) and its Pathway-compatible endpoints. */
package io.streamplane.rag.web;
