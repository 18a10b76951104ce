package io.streamplane.benchmarks.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class CpuProfilerTest {

	@TempDir
	Path directory;

	@Test
	void shouldWriteTheCpuSamplesOfARunPerNamedThread() throws IOException, InterruptedException {
		CpuProfiler profiler = CpuProfiler.into(directory.toString());

		try (CpuProfiler.Run run = profiler.start("spin")) {
			Thread spinner = Thread.ofPlatform().name("spinner").start(CpuProfilerTest::spin);
			spinner.join();
		}

		String profile = Files.readString(directory.resolve("spin.collapsed"));
		assertThat(profile).contains("[spinner tid=").contains("CpuProfilerTest.spin");
	}

	@Test
	void shouldWriteNothingWithoutADirectory() throws IOException {
		try (CpuProfiler.Run run = CpuProfiler.into("").start("spin")) {
			spin();
		}

		try (var files = Files.list(directory)) {
			assertThat(files).isEmpty();
		}
	}

	private static void spin() {
		long end = System.nanoTime() + 300_000_000L;
		long sum = 0;
		while (System.nanoTime() < end) {
			sum += Long.toString(sum).hashCode();
		}
		assertThat(sum).isNotZero();
	}

}
