package io.streamplane.langchain4j.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.ContentMetadata;

/**
 * A hit as a LangChain4j {@link Content}: the chunk's text as the segment, the row's metadata and then its
 * primary-key fields (unless the metadata has a field of that name) as the segment's metadata, the score as
 * {@link ContentMetadata#SCORE} and the chunk id as {@link ContentMetadata#EMBEDDING_ID}. LangChain4j metadata
 * holds strings and numbers only: booleans become {@code "true"}/{@code "false"}, lists and objects their JSON
 * text, and {@code null} values are left out.
 */
public final class HitContents {

	private static final ObjectMapper JSON = new ObjectMapper();

	private HitContents() {
	}

	public static Content content(SearchHit hit) {
		Map<String, Object> fields = new LinkedHashMap<>();
		hit.metadata().forEach((name, value) -> put(fields, name, value));
		hit.key().forEach((name, value) -> {
			if (!fields.containsKey(name)) {
				put(fields, name, value);
			}
		});
		TextSegment segment = TextSegment.from(hit.text(), Metadata.from(fields));
		return Content.from(segment, Map.of(ContentMetadata.SCORE, hit.score(), ContentMetadata.EMBEDDING_ID, hit.id()));
	}

	private static void put(Map<String, Object> fields, String name, Object value) {
		Object converted = switch (value) {
			case null -> null;
			case String text -> text;
			case Integer number -> number;
			case Long number -> number;
			case Double number -> number;
			case Float number -> number;
			case BigInteger number -> number.bitLength() < 64 ? (Object) number.longValue() : number.toString();
			case BigDecimal number -> number.doubleValue();
			case Number number -> number.doubleValue();
			case Boolean bool -> bool.toString();
			default -> json(value);
		};
		if (converted != null) {
			fields.put(name, converted);
		}
	}

	private static String json(Object value) {
		try {
			return JSON.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			return String.valueOf(value);
		}
	}

}
