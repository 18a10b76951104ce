package io.streamplane.engine.cdc;

import io.streamplane.spec.PipelineSpec;
import io.streamplane.spec.SpecFormat;
import io.streamplane.spec.SpecReader;
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
	void shouldGiveMixedCaseTablesLowerCaseSlotsOfTheirOwn() {
		CdcTable mixed = CdcTable.parse("public.Users");
		assertThat(mixed.topic()).isEqualTo("sp.cdc.public.Users");
		assertThat(mixed.slotName()).matches("sp_cdc_public_users_[0-9a-f]+")
			.isNotEqualTo(CdcTable.parse("public.users").slotName());
	}

	@Test
	void shouldCollectTheCdcTablesOfAPipeline() {
		PipelineSpec spec = new SpecReader().read("""
				name: enrich
				sources:
				  clicks: { kafka: { topic: clicks, format: json } }
				tables:
				  users: { postgresCdc: { table: public.users }, primaryKey: [id] }
				  plans: { postgresCdc: { table: plans }, primaryKey: [id] }
				  tiers: { kafka: { topic: tiers }, primaryKey: [id] }
				outputs:
				  - { from: clicks, kafka: { topic: out, format: json } }
				""", SpecFormat.YAML).spec();
		assertThat(CdcTable.demandedBy(spec)).containsExactly(CdcTable.parse("public.users"),
				CdcTable.parse("public.plans"));
	}

	@Test
	void shouldRejectNamesThatAreNotPlainIdentifiers() {
		assertThatIllegalArgumentException().isThrownBy(() -> CdcTable.parse("public.1users"))
			.withMessageContaining("table '1users'")
			.withMessageContaining("e.g. public.users");
		assertThatIllegalArgumentException().isThrownBy(() -> CdcTable.parse("x;drop.t"))
			.withMessageContaining("schema 'x;drop'");
		assertThatIllegalArgumentException().isThrownBy(() -> CdcTable.parse(""));
	}

}
