package io.streamplane.role;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.core.env.Environment;

/** Reads the enabled roles from {@code streamplane.roles}. */
public final class Roles {

	/** The property that lists the roles of this process. */
	public static final String PROPERTY = "streamplane.roles";

	private Roles() {
	}

	/**
	 * The roles enabled in this environment.
	 * @throws IllegalArgumentException naming every unknown role and the allowed values
	 */
	public static Set<Role> enabled(Environment environment) {
		return parse(environment.getProperty(PROPERTY, Role.ALL));
	}

	/**
	 * Parses a comma-separated list of role identifiers, or {@code all}.
	 * @throws IllegalArgumentException naming every unknown role and the allowed values
	 */
	public static Set<Role> parse(String value) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		List<String> unknown = new ArrayList<>();
		for (String id : value.split(",")) {
			if (id.isBlank()) {
				continue;
			}
			if (id.trim().equalsIgnoreCase(Role.ALL)) {
				roles.addAll(EnumSet.allOf(Role.class));
				continue;
			}
			Role.fromId(id).ifPresentOrElse(roles::add, () -> unknown.add(id.trim()));
		}
		if (!unknown.isEmpty() || roles.isEmpty()) {
			throw new IllegalArgumentException(PROPERTY + "=" + value + " is invalid" +
					(unknown.isEmpty() ? "" : ": unknown role(s) " + unknown) +
					"; use a comma-separated list of " + Role.allowedValues());
		}
		return roles;
	}

}
