package io.streamplane.engine.compile.internal.window;

import java.util.List;

import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecentWindowsTest {

	private static ValueAndTimestamp<WindowState> state(long count) {
		return ValueAndTimestamp.make(new WindowState(null, List.of(new Accumulator.Count(count))), count);
	}

	@Test
	void shouldAnswerTheStateLastWrittenForAKeyAndWindow() {
		RecentWindows recent = new RecentWindows(10);
		ValueAndTimestamp<WindowState> second = state(2);

		recent.put("u", 0, state(1));
		recent.put("u", 0, second);
		recent.put("u", 10_000, state(3));

		assertThat(recent.get("u", 0)).isSameAs(second);
		assertThat(recent.get("u", 5_000)).isNull();
		assertThat(recent.get("v", 0)).isNull();
	}

	@Test
	void shouldDropTheLeastRecentlyUsedStateBeyondItsCapacity() {
		RecentWindows recent = new RecentWindows(2);
		recent.put("a", 0, state(1));
		recent.put("b", 0, state(1));
		recent.get("a", 0);
		recent.put("c", 0, state(1));

		assertThat(recent.size()).isEqualTo(2);
		assertThat(recent.get("b", 0)).as("least recently used").isNull();
		assertThat(recent.get("a", 0)).isNotNull();
		assertThat(recent.get("c", 0)).isNotNull();
	}

	@Test
	void shouldForgetEverythingWhenCleared() {
		RecentWindows recent = new RecentWindows(2);
		recent.put("a", 0, state(1));

		recent.clear();

		assertThat(recent.get("a", 0)).isNull();
	}

	@Test
	void shouldRejectACapacityBelowOne() {
		assertThatThrownBy(() -> new RecentWindows(0)).hasMessage("capacity must be at least 1, was 0");
	}

}
