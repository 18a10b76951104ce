package io.streamplane.role;

import java.util.Map;
import java.util.Set;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Evaluates {@link ConditionalOnRole} against {@code streamplane.roles}. */
final class OnRoleCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Map<String, Object> attributes = metadata.getAnnotationAttributes(ConditionalOnRole.class.getName());
		Role role = (Role) attributes.get("value");
		Set<Role> enabled = Roles.enabled(context.getEnvironment());
		return enabled.contains(role)
				? ConditionOutcome.match("role " + role.id() + " is enabled by " + Roles.PROPERTY)
				: ConditionOutcome.noMatch("role " + role.id() + " is not in " + Roles.PROPERTY + "=" + enabled);
	}

}
