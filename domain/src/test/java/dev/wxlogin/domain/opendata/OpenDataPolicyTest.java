package dev.wxlogin.domain.opendata;

import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.error.OpenDataRejected;
import dev.wxlogin.domain.user.UnionId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpenDataPolicyTest {
    private static final AppId APP = new AppId("wx0123456789abcdef");
    private static final Instant NOW = Instant.parse("2026-06-01T08:00:00Z");
    private static final OpenDataPolicy POLICY = new OpenDataPolicy(Duration.ofMinutes(10));

    private static Map<String, Object> plaintext(Object appId, Object timestamp, Map<String, Object> members) {
        Map<String, Object> plaintext = new LinkedHashMap<>(members);
        Map<String, Object> watermark = new LinkedHashMap<>();
        watermark.put("appid", appId);
        watermark.put("timestamp", timestamp);
        plaintext.put("watermark", watermark);
        return plaintext;
    }

    private static Map<String, Object> madeAt(Instant at, Map<String, Object> members) {
        return plaintext(APP.value(), at.getEpochSecond(), members);
    }

    private static void refused(Map<String, Object> plaintext, OpenDataRejected.Reason reason) {
        assertThatThrownBy(() -> POLICY.accept(plaintext, APP, NOW)).isInstanceOfSatisfying(OpenDataRejected.class,
                rejected -> assertThat(rejected.reason()).isEqualTo(reason));
    }

    @Test
    void acceptsDataOfTheAppAndAnswersItWithoutTheWatermark() {
        OpenData data = POLICY.accept(madeAt(NOW, Map.of("openGId", "Gxyz")), APP, NOW);

        assertThat(data.members()).isEqualTo(Map.of("openGId", "Gxyz"));
        assertThat(data.kind()).isEqualTo(OpenData.Kind.SHARE);
    }

    @Test
    void dataWatermarkedForAnotherAppIsAWatermarkMismatch() {
        refused(plaintext("wxfedcba9876543210", NOW.getEpochSecond(), Map.of()), OpenDataRejected.Reason.WATERMARK_MISMATCH);
    }

    @Test
    void dataWithoutAWellFormedWatermarkIsAWatermarkMismatch() {
        refused(Map.of("phoneNumber", "13580006666"), OpenDataRejected.Reason.WATERMARK_MISMATCH);
        refused(Map.of("watermark", "wx0123456789abcdef"), OpenDataRejected.Reason.WATERMARK_MISMATCH);
        refused(plaintext(42, NOW.getEpochSecond(), Map.of()), OpenDataRejected.Reason.WATERMARK_MISMATCH);
        refused(plaintext(APP.value(), String.valueOf(NOW.getEpochSecond()), Map.of()), OpenDataRejected.Reason.WATERMARK_MISMATCH);
    }

    @Test
    void dataOlderThanTheMaximumAgeHasExpired() {
        assertThat(POLICY.accept(madeAt(NOW.minus(Duration.ofMinutes(10)), Map.of()), APP, NOW).members()).isEmpty();
        refused(madeAt(NOW.minus(Duration.ofMinutes(10)).minusSeconds(1), Map.of()), OpenDataRejected.Reason.OPEN_DATA_EXPIRED);
    }

    @Test
    void aWatermarkFromTheFutureIsAcceptedSinceOnlyAgeMakesDataStale() {
        assertThat(POLICY.accept(madeAt(NOW.plus(Duration.ofHours(1)), Map.of()), APP, NOW).members()).isEmpty();
    }

    @Test
    void theDefaultIsTenMinutesAndAMaximumAgeMustBePositive() {
        assertThat(OpenDataPolicy.DEFAULT.maxAge()).isEqualTo(Duration.ofMinutes(10));
        assertThat(new OpenDataPolicy(Duration.ofSeconds(1)).maxAge()).isEqualTo(Duration.ofSeconds(1));
        assertThatThrownBy(() -> new OpenDataPolicy(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OpenDataPolicy(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OpenDataPolicy(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void knownShapesAreToldApartByTheirOwnMember() {
        assertThat(kindOf(Map.of("phoneNumber", "1", "countryCode", "86"))).isEqualTo(OpenData.Kind.PHONE);
        assertThat(kindOf(Map.of("stepInfoList", List.of()))).isEqualTo(OpenData.Kind.WERUN);
        assertThat(kindOf(Map.of("openGId", "G1"))).isEqualTo(OpenData.Kind.SHARE);
        assertThat(kindOf(Map.of("nickName", "Band"))).isEqualTo(OpenData.Kind.USER_INFO);
        assertThat(kindOf(Map.of("unionId", "oU"))).isEqualTo(OpenData.Kind.USER_INFO);
        assertThat(kindOf(Map.of("cloudID", "x"))).isEqualTo(OpenData.Kind.OTHER);
    }

    private static OpenData.Kind kindOf(Map<String, Object> members) {
        return POLICY.accept(madeAt(NOW, members), APP, NOW).kind();
    }

    @Test
    void onlyUserInfoYieldsAUnionIdAndOnlyAWellFormedOne() {
        assertThat(accepted(Map.of("nickName", "Band", "unionId", "oUnion1")).unionId()).contains(new UnionId("oUnion1"));
        assertThat(accepted(Map.of("nickName", "Band")).unionId()).isEmpty();
        assertThat(accepted(Map.of("nickName", "Band", "unionId", "not a union id")).unionId()).isEmpty();
        assertThat(accepted(Map.of("nickName", "Band", "unionId", 42)).unionId()).isEmpty();
        assertThat(accepted(Map.of("openGId", "G1", "unionId", "oUnion1")).unionId()).isEmpty();
    }

    private static OpenData accepted(Map<String, Object> members) {
        return POLICY.accept(madeAt(NOW, members), APP, NOW);
    }

    @Test
    void theMembersAnsweredCannotBeChanged() {
        OpenData data = accepted(Map.of("nickName", "Band"));

        assertThatThrownBy(() -> data.members().put("unionId", "oUnion1")).isInstanceOf(UnsupportedOperationException.class);
    }
}
