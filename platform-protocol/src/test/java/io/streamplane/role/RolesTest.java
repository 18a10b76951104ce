package io.streamplane.role;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RolesTest {

	@Test
	void shouldEnableEveryRoleForAll() {
		assertThat(Roles.parse("all")).containsExactlyInAnyOrder(Role.values());
	}

	@Test
	void shouldParseACommaSeparatedListIgnoringCaseAndBlanks() {
		assertThat(Roles.parse(" Engine, feature-server ,")).containsExactlyInAnyOrder(Role.ENGINE,
				Role.FEATURE_SERVER);
	}

	@Test
	void shouldNameUnknownRolesAndTheAllowedValues() {
		assertThatIllegalArgumentException().isThrownBy(() -> Roles.parse("engine,controlplane"))
			.withMessageContaining("unknown role(s) [controlplane]")
			.withMessageContaining("all, control-plane, engine, feature-server, rag-indexer");
	}

	@Test
	void shouldRejectAnEmptyList() {
		assertThatIllegalArgumentException().isThrownBy(() -> Roles.parse(" , "))
			.withMessageContaining("streamplane.roles= ,  is invalid");
	}

}
