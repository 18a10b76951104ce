package io.streamplane.api.web;

import io.streamplane.api.web.PreviewRequests.PreviewRequest;
import io.streamplane.engine.preview.PipelinePreview;
import io.streamplane.engine.preview.PreviewResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Runs a pipeline spec over sample records with the real compiled topology (no broker) and
 * answers what it would write: batch = streaming.
 */
@RestController
@RequestMapping("/api/v1/preview")
@Tag(name = "Preview", description = "Try a pipeline on sample records before deploying it")
public class PreviewController {

	private final PreviewRequests requests;

	private final PipelinePreview preview;

	PreviewController(PreviewRequests requests, PipelinePreview preview) {
		this.requests = requests;
		this.preview = preview;
	}

	@PostMapping(consumes = SpecBodies.JSON)
	@Operation(summary = "Preview a pipeline on sample records",
			description = "Body: {\"spec\": <spec as a JSON object, or YAML text>, \"inputs\": [{\"topic\", \"key\", "
					+ "\"value\", \"timestamp\"}, or {\"table\", \"key\", \"value\"} and {\"table\", \"key\", \"op\": \"delete\"} "
					+ "for table changes]}, at most " + PipelinePreview.MAX_INPUTS + " records in arrival order. "
					+ "Runs the compiled topology, closes every window at end of input, and answers the records "
					+ "written per output topic (tables and joins as change streams, \"op\": \"+\" / \"-\") and the dead letters with their reasons. Nothing is saved or deployed.")
	PreviewResult run(@RequestBody String body) {
		PreviewRequest request = requests.read(body);
		return preview.run(request.spec(), request.inputs());
	}

}
