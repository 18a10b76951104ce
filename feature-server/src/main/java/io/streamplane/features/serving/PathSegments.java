package io.streamplane.features.serving;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Decodes one percent-encoded path segment strictly: a broken {@code %} escape or bytes that are not
 * UTF-8 (e.g. the overlong {@code %C0%AF}) make it unreadable, as on the web port, instead of turning
 * into replacement characters.
 */
final class PathSegments {

	private PathSegments() {
	}

	/** The decoded segment, or empty if it is not valid percent-encoded UTF-8. */
	static Optional<String> decode(String raw) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
		for (int i = 0; i < raw.length(); i++) {
			char c = raw.charAt(i);
			if (c == '%') {
				if (i + 2 >= raw.length() || !HexFormat.isHexDigit(raw.charAt(i + 1))
						|| !HexFormat.isHexDigit(raw.charAt(i + 2))) {
					return Optional.empty();
				}
				bytes.write(HexFormat.fromHexDigits(raw, i + 1, i + 3));
				i += 2;
			}
			else {
				byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
				bytes.write(encoded, 0, encoded.length);
			}
		}
		try {
			return Optional.of(StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes.toByteArray()))
				.toString());
		}
		catch (CharacterCodingException ex) {
			return Optional.empty();
		}
	}

}
