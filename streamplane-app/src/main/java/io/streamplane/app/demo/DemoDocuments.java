package io.streamplane.app.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import javax.sql.DataSource;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo's {@code public.documents} table: Streamplane's own documentation, bundled in the jar at build time
 * ({@code demo/docs/**}), one row per section (see {@link DocSections}): {@code doc_id} (the section's number,
 * in path and document order), {@code path}, {@code title}, {@code heading} and {@code body}. Created and
 * filled once, when missing or empty; afterwards the rows are the user's to change, and the index follows.
 */
final class DemoDocuments {

	/** The table, in the schema {@code public}. */
	static final String TABLE = "documents";

	private static final String RESOURCES = "classpath:demo/docs/**/*.md";

	private static final Log logger = LogFactory.getLog(DemoDocuments.class);

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	/** @param dataSource the database CDC captures: the control plane's, the embedded one in standalone */
	DemoDocuments(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
	}

	/** Creates the table unless it exists, and fills it when it is empty; returns the number of rows added. */
	int createAndFill() {
		return transactions.execute(status -> {
			jdbc.execute("CREATE TABLE IF NOT EXISTS public." + TABLE + " (doc_id int PRIMARY KEY, path text NOT NULL, " +
					"title text NOT NULL, heading text NOT NULL, body text NOT NULL)");
			Integer rows = jdbc.queryForObject("SELECT count(*) FROM public." + TABLE, Integer.class);
			if (rows != null && rows > 0) {
				logger.info("Demo: table public." + TABLE + " has " + rows + " rows; leaving them as they are");
				return 0;
			}
			List<Object[]> sections = new ArrayList<>();
			for (DocSections.Section section : sections()) {
				sections.add(new Object[] { sections.size() + 1, section.path(), section.title(), section.heading(),
						section.body() });
			}
			jdbc.batchUpdate("INSERT INTO public." + TABLE + " (doc_id, path, title, heading, body) VALUES (?, ?, ?, ?, ?)",
					sections);
			logger.info("Demo: filled table public." + TABLE + " with " + sections.size() + " sections of the docs");
			return sections.size();
		});
	}

	/** The sections of every bundled document, documents in path order. */
	static List<DocSections.Section> sections() {
		try {
			Resource[] resources = new PathMatchingResourcePatternResolver().getResources(RESOURCES);
			List<DocSections.Section> sections = new ArrayList<>();
			for (Resource resource : Arrays.stream(resources).sorted(Comparator.comparing(DemoDocuments::path)).toList()) {
				try (InputStream in = resource.getInputStream()) {
					sections.addAll(DocSections.split(path(resource), new String(in.readAllBytes(), StandardCharsets.UTF_8)));
				}
			}
			return sections;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Demo: the bundled docs (" + RESOURCES + ") cannot be read", ex);
		}
	}

	private static String path(Resource resource) {
		try {
			String url = resource.getURL().toString();
			return "docs/" + url.substring(url.lastIndexOf("demo/docs/") + "demo/docs/".length());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
