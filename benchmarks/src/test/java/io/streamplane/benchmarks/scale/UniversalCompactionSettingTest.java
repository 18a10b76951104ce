package io.streamplane.benchmarks.scale;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

import static org.assertj.core.api.Assertions.assertThat;

class UniversalCompactionSettingTest {

	@AfterEach
	void clearProperty() {
		System.clearProperty(UniversalCompactionSetting.MAX_SIZE_AMPLIFICATION);
		System.clearProperty(UniversalCompactionSetting.COMPACTION_TRIGGER);
	}

	@Test
	void shouldSetTheMaxSizeAmplificationOfUniversalCompactionFromTheSystemProperty() {
		RocksDB.loadLibrary();
		System.setProperty(UniversalCompactionSetting.MAX_SIZE_AMPLIFICATION, "25");
		UniversalCompactionSetting setting = new UniversalCompactionSetting();
		try (Options options = new Options()) {
			assertThat(UniversalCompactionSetting.enabled()).isTrue();

			setting.setConfig("sessions", options, Map.of());

			assertThat(options.compactionOptionsUniversal().maxSizeAmplificationPercent()).isEqualTo(25);
			setting.close("sessions", options);
		}
	}

	@Test
	void shouldSetTheSortedRunsThatStartACompactionFromTheSystemProperty() {
		RocksDB.loadLibrary();
		System.setProperty(UniversalCompactionSetting.COMPACTION_TRIGGER, "2");
		UniversalCompactionSetting setting = new UniversalCompactionSetting();
		try (Options options = new Options()) {
			assertThat(UniversalCompactionSetting.enabled()).isTrue();

			setting.setConfig("sessions", options, Map.of());

			assertThat(options.level0FileNumCompactionTrigger()).isEqualTo(2);
			assertThat(options.compactionOptionsUniversal()).isNull();
			setting.close("sessions", options);
		}
	}

}
