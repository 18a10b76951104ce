package io.streamplane.app.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a Markdown document into its sections: a heading line ({@code #} to {@code ######} outside code
 * blocks) starts a section, which runs to the next heading. The document's title is its first heading; text
 * before the first heading belongs to a section headed by the title. Sections without text are left out.
 */
final class DocSections {

	/**
	 * One section of a document.
	 *
	 * @param path the document's path, e.g. {@code docs/concepts/exactly-once.md}
	 * @param title the document's title
	 * @param heading the section's heading
	 * @param body the section's text, without the heading line
	 */
	record Section(String path, String title, String heading, String body) {
	}

	private DocSections() {
	}

	static List<Section> split(String path, String markdown) {
		List<Section> sections = new ArrayList<>();
		String title = null;
		String heading = null;
		StringBuilder body = new StringBuilder();
		boolean code = false;
		for (String line : markdown.split("\r?\n", -1)) {
			if (line.stripLeading().startsWith("```")) {
				code = !code;
			}
			String text = code ? null : headingText(line);
			if (text == null) {
				body.append(line).append('\n');
				continue;
			}
			title = title == null ? text : title;
			add(sections, path, title, heading == null ? title : heading, body);
			heading = text;
			body.setLength(0);
		}
		add(sections, path, title == null ? path : title, heading == null ? (title == null ? path : title) : heading, body);
		return sections;
	}

	private static void add(List<Section> sections, String path, String title, String heading, StringBuilder body) {
		String text = body.toString().strip();
		if (!text.isEmpty()) {
			sections.add(new Section(path, title, heading, text));
		}
	}

	private static String headingText(String line) {
		int level = 0;
		while (level < line.length() && line.charAt(level) == '#') {
			level++;
		}
		if (level == 0 || level > 6 || level >= line.length() || line.charAt(level) != ' ') {
			return null;
		}
		String text = line.substring(level).strip();
		return text.isEmpty() ? null : text;
	}

}
