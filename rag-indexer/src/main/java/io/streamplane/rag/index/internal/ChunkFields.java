package io.streamplane.rag.index.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.VectorSimilarityFunction;

import tools.jackson.databind.json.JsonMapper;

/**
 * The Lucene document of one chunk: its id {@code <pk>#<n>}, the row id (the key's JSON, what an update or delete
 * of the row replaces by), the text (BM25 and stored), its content hash, the vector (HNSW, and stored so that an
 * unchanged chunk keeps it), the row's key and metadata as stored JSON, and each metadata field indexed for
 * filters under {@value #METADATA_PREFIX}{@code <field>}: strings and booleans as keywords, numbers as double
 * points, arrays as one value each.
 */
public final class ChunkFields {

	public static final String ID = "id";

	public static final String ROW = "row";

	public static final String FIRST = "first";

	public static final String TEXT = "text";

	public static final String HASH = "hash";

	public static final String VECTOR = "vector";

	public static final String STORED_VECTOR = "vector_bytes";

	public static final String KEY = "key";

	public static final String METADATA = "metadata";

	public static final String METADATA_PREFIX = "m.";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ChunkFields() {
	}

	/** The row id of a primary key: its JSON object, fields in key order. */
	public static String rowId(Map<String, Object> key) {
		return JSON.writeValueAsString(key);
	}

	/** The chunk id: the key's value ({@code 1}), or its values as a JSON array for a composite key, {@code #n}. */
	public static String chunkId(Map<String, Object> key, int chunk) {
		String pk = key.size() == 1 ? String.valueOf(key.values().iterator().next())
				: JSON.writeValueAsString(new ArrayList<>(key.values()));
		return pk + "#" + chunk;
	}

	/** The content hash of a chunk's text: SHA-256, hex. */
	public static String hash(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required by every Java platform", ex);
		}
	}

	/** The document of chunk {@code number} of a row. */
	public static Document document(Map<String, Object> key, int number, String text, float[] unitVector,
			Map<String, Object> metadata) {
		Document document = new Document();
		document.add(new StringField(ID, chunkId(key, number), Field.Store.YES));
		document.add(new StringField(ROW, rowId(key), Field.Store.YES));
		if (number == 0) {
			document.add(new StringField(FIRST, "1", Field.Store.NO));
		}
		document.add(new TextField(TEXT, text, Field.Store.YES));
		document.add(new StoredField(HASH, hash(text)));
		document.add(new KnnFloatVectorField(VECTOR, unitVector, VectorSimilarityFunction.DOT_PRODUCT));
		document.add(new StoredField(STORED_VECTOR, Vectors.toBytes(unitVector)));
		document.add(new StoredField(METADATA, JSON.writeValueAsString(metadata)));
		metadata.forEach((field, value) -> indexed(METADATA_PREFIX + field, value, document));
		return document;
	}

	private static void indexed(String field, Object value, Document document) {
		switch (value) {
			case null -> {
			}
			case Number number -> document.add(new DoublePoint(field, number.doubleValue()));
			case String string -> document.add(new StringField(field, string, Field.Store.NO));
			case Boolean bool -> document.add(new StringField(field, bool.toString(), Field.Store.NO));
			case List<?> values -> values.forEach(element -> indexed(field, element, document));
			default -> {
			}
		}
	}

	/** Reads stored JSON (a key or metadata). */
	@SuppressWarnings("unchecked")
	public static Map<String, Object> readJson(String json) {
		return JSON.readValue(json, Map.class);
	}

}
