package io.streamplane.app;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Strips credentials from connection URLs before they are shown anywhere. */
public final class ConnectionUrls {

	private static final Pattern USER_INFO = Pattern.compile("//[^/@?]*@");

	private static final Pattern SECRET_PARAMETER = Pattern.compile("user|username|.*password.*|.*passwd.*|.*secret.*"
			+ "|.*token.*|.*credential.*|sslkey|sslcert|sslrootcert|sslpasswordcallback");

	private ConnectionUrls() {
	}

	/**
	 * The URL without user info ({@code //user:pass@host}) and without query parameters that
	 * carry credentials ({@code user}, {@code password}, {@code sslpassword}, ...). Parameters
	 * that do not identify anyone, such as {@code sslmode}, are kept.
	 * @param url a JDBC or similar URL, or {@code null}
	 * @return the safe URL, or {@code null} for {@code null}
	 */
	public static String withoutCredentials(String url) {
		if (url == null) {
			return null;
		}
		String withoutUserInfo = USER_INFO.matcher(url).replaceFirst("//");
		int query = withoutUserInfo.indexOf('?');
		if (query < 0) {
			return withoutUserInfo;
		}
		String kept = Arrays.stream(withoutUserInfo.substring(query + 1).split("&"))
			.filter((parameter) -> !parameter.isEmpty() && !isSecret(parameter))
			.collect(Collectors.joining("&"));
		return withoutUserInfo.substring(0, query) + (kept.isEmpty() ? "" : "?" + kept);
	}

	private static boolean isSecret(String parameter) {
		int equals = parameter.indexOf('=');
		String name = (equals < 0) ? parameter : parameter.substring(0, equals);
		return SECRET_PARAMETER.matcher(name.toLowerCase(Locale.ROOT)).matches();
	}

}
