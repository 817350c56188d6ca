package dev.wxlogin.domain.session;

import dev.wxlogin.domain.account.AccountId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SessionPolicyTest {
    @Test
    void theDefaultsAreTwoHoursIdleSevenDaysAbsoluteFiveDevices() {
        assertThat(SessionPolicy.DEFAULT.idle()).isEqualTo(Duration.ofHours(2));
        assertThat(SessionPolicy.DEFAULT.max()).isEqualTo(Duration.ofDays(7));
        assertThat(SessionPolicy.DEFAULT.devices()).isEqualTo(DevicePolicy.MULTIPLE);
        assertThat(SessionPolicy.DEFAULT.maxPerUser()).isEqualTo(5);
        assertThat(SessionPolicy.DEFAULT.expiresIn()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void usesAreRecordedAtMostOnceAMinuteAndAtLeastTenTimesPerIdleTimeout() {
        assertThat(SessionPolicy.of(Duration.ofHours(2), Duration.ofDays(1), DevicePolicy.MULTIPLE, 5).touchInterval())
                .isEqualTo(Duration.ofMinutes(1));
        assertThat(SessionPolicy.of(Duration.ofSeconds(30), Duration.ofDays(1), DevicePolicy.MULTIPLE, 5).touchInterval())
                .isEqualTo(Duration.ofSeconds(3));
        assertThat(SessionPolicy.of(Duration.ofMinutes(10).minusNanos(10), Duration.ofDays(1), DevicePolicy.MULTIPLE, 5)
                .touchInterval()).isEqualTo(Duration.ofMinutes(1).minusNanos(1));
        assertThat(SessionPolicy.of(Duration.ofDays(365_000), Duration.ofDays(365_000), DevicePolicy.MULTIPLE, 5)
                .touchInterval()).isEqualTo(Duration.ofMinutes(1)); // no overflow of a long's nanoseconds
    }

    @Test
    void theTokenLifeToldAtLoginIsCappedByTheAbsoluteLifetime() {
        assertThat(SessionPolicy.of(Duration.ofHours(2), Duration.ofMinutes(30), DevicePolicy.SINGLE, 1).expiresIn())
                .isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void singleKeepsNoEarlierSessionAndMultipleKeepsAllButOne() {
        assertThat(SessionPolicy.of(Duration.ofHours(1), Duration.ofDays(1), DevicePolicy.SINGLE, 5).earlierSessionsKept()).isZero();
        assertThat(SessionPolicy.of(Duration.ofHours(1), Duration.ofDays(1), DevicePolicy.MULTIPLE, 5).earlierSessionsKept()).isEqualTo(4);
    }

    @Test
    void aNewLoginReplacesTheOldestSessionsBeyondThePolicy() {
        SessionPolicy single = SessionPolicy.of(Duration.ofHours(1), Duration.ofDays(1), DevicePolicy.SINGLE, 1);
        SessionPolicy three = SessionPolicy.of(Duration.ofHours(1), Duration.ofDays(1), DevicePolicy.MULTIPLE, 3);
        List<Session> live = IntStream.range(0, 4).mapToObj(i -> Session.startWithPassword(SessionToken.generate().hash(),
                AccountId.random(), ClientInfo.unknown(), Instant.EPOCH.plusSeconds(i), single)).toList();

        assertThat(single.replacedByANewLogin(live)).isEqualTo(live);
        assertThat(three.replacedByANewLogin(live)).containsExactly(live.get(0), live.get(1));
        assertThat(three.replacedByANewLogin(live.subList(0, 2))).isEmpty();
        assertThat(three.replacedByANewLogin(List.of())).isEmpty();
    }

    @Test
    void nonsenseIsRefused() {
        assertThatThrownBy(() -> SessionPolicy.of(Duration.ZERO, Duration.ofDays(1), DevicePolicy.SINGLE, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SessionPolicy.of(Duration.ofHours(1), Duration.ofDays(1), DevicePolicy.MULTIPLE, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SessionPolicy(Duration.ofMinutes(1), Duration.ofDays(1), DevicePolicy.SINGLE, 1, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
