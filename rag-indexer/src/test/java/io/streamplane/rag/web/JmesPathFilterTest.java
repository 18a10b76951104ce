package io.streamplane.rag.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class JmesPathFilterTest {

	@Test
	void shouldTranslatePathwayExamplesIntoFilters() {
		assertThat(JmesPathFilter.toFilter("owner == `james`").toString()).isEqualTo("{\"owner\":\"james\"}");
		assertThat(JmesPathFilter.toFilter("modified_at >= `1702672093`").toString())
			.isEqualTo("{\"modified_at\":{\"gte\":1702672093}}");
		assertThat(JmesPathFilter.toFilter("contains(tags, 'kafka') && year < `2025` || !(owner != 'x')").toString())
			.isEqualTo("{\"or\":[{\"and\":[{\"tags\":\"kafka\"},{\"year\":{\"lt\":2025}}]},"
					+ "{\"not\":{\"not\":{\"owner\":\"x\"}}}]}");
	}

	@Test
	void shouldNameWhereAnUnsupportedExpressionStops() {
		assertThatIllegalArgumentException().isThrownBy(() -> JmesPathFilter.toFilter("owner =~ 'x'"))
			.withMessageContaining("expected a comparison").withMessageContaining("at character 6");
	}

}
