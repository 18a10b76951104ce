package io.streamplane.app.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The error page of every error the application did not answer itself ({@code sendError} by a
 * filter, the servlet container's error dispatch): an {@code application/problem+json} body whatever
 * the request accepts, instead of Spring Boot's default JSON or HTML. Replaces Boot's
 * {@code BasicErrorController}.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
final class ProblemErrorController implements ErrorController {

	@RequestMapping
	ResponseEntity<byte[]> error(HttpServletRequest request) {
		int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code && code >= 400
				? code : 500;
		Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		byte[] body = ContainerProblems.json(status, message instanceof String text ? text : null,
				uri instanceof String path ? path : null);
		return ResponseEntity.status(status).header(HttpHeaders.CONTENT_TYPE, ContainerProblems.CONTENT_TYPE).body(body);
	}

}
