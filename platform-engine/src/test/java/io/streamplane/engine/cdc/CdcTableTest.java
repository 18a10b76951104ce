package io.streamplane.engine.cdc;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CdcTableTest {

	@Test
	void shouldNameTopicSlotAndPublicationAfterTheTable() {
		CdcTable table = CdcTable.parse("sales.orders");
		assertThat(table.topic()).isEqualTo("sp.cdc.sales.orders");
		assertThat(table.slotName()).isEqualTo("sp_cdc_sales_orders");
	}

	@Test
	void shouldDefaultToThePublicSchema() {
		assertThat(CdcTable.parse(" users ")).isEqualTo(new CdcTable("public", "users"));
	}

	@Test
	void shouldKeepSlotNamesWithinPostgresLimitAndDistinct() {
		CdcTable first = new CdcTable("public", "a".repeat(60));
		CdcTable second = new CdcTable("public", "a".repeat(59) + "b");
		assertThat(first.slotName()).hasSizeLessThanOrEqualTo(63).isNotEqualTo(second.slotName());
	}

	@Test
	void shouldRejectNamesThatAreNotPlainIdentifiers() {
		assertThatIllegalArgumentException().isThrownBy(() -> CdcTable.parse("public.Users"))
			.withMessageContaining("table 'Users'")
			.withMessageContaining("e.g. public.users");
		assertThatIllegalArgumentException().isThrownBy(() -> CdcTable.parse("x;drop.t"))
			.withMessageContaining("schema 'x;drop'");
		assertThatIllegalArgumentException().isThrownBy(() -> CdcTable.parse(""));
	}

}
