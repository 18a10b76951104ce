package io.streamplane.api.web;

import io.streamplane.engine.preview.PipelinePreview;
import io.streamplane.engine.preview.PreviewResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * Runs a pipeline spec over sample records with the real compiled topology (no broker) and
 * answers what it would write: batch = streaming.
 */
@RestController
@RequestMapping("/api/v1/preview")
@Tag(name = "Preview", description = "Try a pipeline on sample records before deploying it")
public class PreviewController {

	private final PreviewRequests requests;

	private final PreviewRunner runner;

	PreviewController(PreviewRequests requests, PreviewRunner runner) {
		this.requests = requests;
		this.runner = runner;
	}

	@PostMapping(consumes = SpecBodies.JSON)
	@Operation(summary = "Preview a pipeline on sample records",
			description = "Body: {\"spec\": <spec as a JSON object, or YAML text>, \"inputs\": [{\"topic\", \"key\", "
					+ "\"value\", \"timestamp\"}, or {\"table\", \"key\", \"value\"} and {\"table\", \"key\", \"op\": \"delete\"} "
					+ "for table changes]}, at most " + PipelinePreview.MAX_INPUTS + " records in arrival order. "
					+ "Runs the compiled topology, closes every window at end of input, and answers the records "
					+ "written per output topic (tables and joins as change streams, \"op\": \"+\" / \"-\") and the dead letters with their reasons. Nothing is saved or deployed. "
					+ "Previews run on a pool of their own within budgets (streamplane.control-plane.preview.*: time, steps, "
					+ "output records and bytes): a preview beyond one is stopped and answered with 422 naming it; when every "
					+ "preview thread is busy the answer is 503 at once.")
	DeferredResult<PreviewResult> run(@RequestBody String body) {
		return runner.run(requests.read(body));
	}

}
