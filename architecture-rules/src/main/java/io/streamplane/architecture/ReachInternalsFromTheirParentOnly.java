package io.streamplane.architecture;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * A class may use {@code a.b.internal} (or a package below it) only if it lives in {@code a.b} or below:
 * an {@code internal} package is the private part of its parent. Applies to Streamplane's packages only.
 */
final class ReachInternalsFromTheirParentOnly extends ArchCondition<JavaClass> {

	private static final String INTERNAL = ".internal";

	ReachInternalsFromTheirParentOnly() {
		super("reach an internal package only from within its parent");
	}

	@Override
	public void check(JavaClass source, ConditionEvents events) {
		for (Dependency dependency : source.getDirectDependenciesFromSelf()) {
			String target = dependency.getTargetClass().getBaseComponentType().getPackageName();
			String parent = parentOfInternal(target);
			if (parent != null && !within(source.getPackageName(), parent)) {
				events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription() +
						" reaches into " + parent + INTERNAL + " from outside " + parent));
			}
		}
	}

	private static String parentOfInternal(String packageName) {
		if (!packageName.startsWith("io.streamplane.")) {
			return null;
		}
		int at = (packageName + ".").indexOf(INTERNAL + ".");
		return at < 0 ? null : packageName.substring(0, at);
	}

	private static boolean within(String packageName, String parent) {
		return packageName.equals(parent) || packageName.startsWith(parent + ".");
	}

}
