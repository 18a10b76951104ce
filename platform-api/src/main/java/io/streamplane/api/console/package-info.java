/**
 * Serving the web console (the {@code ui} module's static assets) at {@code /}.
 */
package io.streamplane.api.console;
