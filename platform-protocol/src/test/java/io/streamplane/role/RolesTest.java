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
			.withMessageContaining("use all, none (no role: only the standalone infrastructure) or a comma-separated list of control-plane, engine, feature-server, rag-indexer");
	}

	@Test
	void shouldEnableNoRoleForNone() {
		assertThat(Roles.parse(" None ")).isEmpty();
	}

	@Test
	void shouldRejectNoneBesideARole() {
		assertThatIllegalArgumentException().isThrownBy(() -> Roles.parse("none,engine"))
			.withMessageContaining("unknown role(s) [none]");
	}

	@Test
	void shouldRejectAnEmptyList() {
		assertThatIllegalArgumentException().isThrownBy(() -> Roles.parse(" , "))
			.withMessageContaining("streamplane.roles= ,  is invalid");
	}

}
