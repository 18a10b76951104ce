/** How the index lays chunks out in Lucene documents and commit user data. */
package io.streamplane.rag.index.internal;
