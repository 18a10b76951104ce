package io.streamplane.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.streamplane.app.demo.DocSections.Section;
import org.junit.jupiter.api.Test;

class DocSectionsTest {

	@Test
	void shouldSplitAtHeadingsOutsideCodeBlocksAndLeaveOutEmptySections() {
		String markdown = """
				# Exactly once

				Kafka transactions.

				## Restarts
				```bash
				# not a heading
				```
				After a crash.
				## Empty

				### Deep
				Text.""";

		List<Section> sections = DocSections.split("docs/x.md", markdown);

		assertThat(sections).containsExactly(
				new Section("docs/x.md", "Exactly once", "Exactly once", "Kafka transactions."),
				new Section("docs/x.md", "Exactly once", "Restarts", "```bash\n# not a heading\n```\nAfter a crash."),
				new Section("docs/x.md", "Exactly once", "Deep", "Text."));
	}

	@Test
	void shouldHeadTextBeforeAnyHeadingByThePath() {
		assertThat(DocSections.split("docs/y.md", "Just text.\n#hashtag"))
			.containsExactly(new Section("docs/y.md", "docs/y.md", "docs/y.md", "Just text.\n#hashtag"));
	}

	@Test
	void shouldBundleTheProjectsDocsWithTheirPaths() {
		List<Section> sections = DemoDocuments.sections();

		assertThat(sections).hasSizeGreaterThan(50);
		assertThat(sections).anySatisfy(section -> {
			assertThat(section.path()).isEqualTo("docs/concepts/exactly-once.md");
			assertThat(section.body()).containsIgnoringCase("exactly-once");
		});
		assertThat(sections).extracting(Section::path).isSorted();
	}

}
