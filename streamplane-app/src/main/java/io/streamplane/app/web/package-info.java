/**
 * The web server's own errors as RFC 9457 problems: Tomcat's error reports and the error page answer
 * {@code application/problem+json} like the roles' APIs do. May use Spring MVC and Tomcat; no role depends on it.
 */
package io.streamplane.app.web;
