package dev.wxlogin.domain.port.out;

import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.login.SessionKey;
import dev.wxlogin.domain.login.WeChatIdentity;
import dev.wxlogin.domain.phone.PhoneNumber;
import dev.wxlogin.domain.user.OpenId;
import dev.wxlogin.domain.user.UnionId;
import dev.wxlogin.domain.user.User;
import dev.wxlogin.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link ForStoringUsers} does; each implementation's test extends this. */
public abstract class ForStoringUsersContract {
    protected static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    protected static final AppId APP = new AppId("wxcontract0000001");
    protected static final AppId OTHER_APP = new AppId("wxcontract0000002");

    protected abstract ForStoringUsers users();

    protected abstract ForRunningTransactions transactions();

    protected static WeChatIdentity identity(String openId, String unionId) {
        return new WeChatIdentity(new OpenId(openId), Optional.ofNullable(unionId).map(UnionId::new),
                new SessionKey("c2Vzc2lvbmtleTE2Ynl0ZQ=="));
    }

    private ForStoringUsers.RecordedLogin login(AppId app, WeChatIdentity identity, Instant at) {
        return transactions().inTransaction(() -> users().recordLogin(app, identity, at));
    }

    @Test
    void firstLoginCreatesTheUser() {
        var recorded = login(APP, identity("o-first", null), NOW);

        assertThat(recorded.created()).isTrue();
        User user = recorded.user();
        assertThat(user.appId()).isEqualTo(APP);
        assertThat(user.openId()).isEqualTo(new OpenId("o-first"));
        assertThat(user.unionId()).isEmpty();
        assertThat(user.createdAt()).isEqualTo(NOW);
        assertThat(user.disabled()).isFalse();
        assertThat(users().findById(user.id())).contains(user);
    }

    @Test
    void laterLoginsFindTheSameUser() {
        User first = login(APP, identity("o-again", null), NOW).user();

        var second = login(APP, identity("o-again", null), NOW.plusSeconds(60));

        assertThat(second.created()).isFalse();
        assertThat(second.user().id()).isEqualTo(first.id());
        assertThat(second.user().createdAt()).isEqualTo(NOW);
    }

    @Test
    void theSameOpenIdInAnotherMiniProgramIsAnotherUser() {
        User here = login(APP, identity("o-shared", null), NOW).user();
        User there = login(OTHER_APP, identity("o-shared", null), NOW).user();

        assertThat(there.id()).isNotEqualTo(here.id());
        assertThat(there.appId()).isEqualTo(OTHER_APP);
    }

    @Test
    void aUnionIdReportedLaterIsKeptAndNotErasedByLoginsWithoutOne() {
        UserId id = login(APP, identity("o-union", null), NOW).user().id();

        assertThat(login(APP, identity("o-union", "u-union"), NOW).user().unionId()).contains(new UnionId("u-union"));
        assertThat(login(APP, identity("o-union", null), NOW).user().unionId()).contains(new UnionId("u-union"));
        assertThat(users().findById(id).orElseThrow().unionId()).contains(new UnionId("u-union"));
    }

    @Test
    void aUnionIdFromOpenDataIsAdoptedOnlyByAUserWhoHasNone() {
        UserId without = login(APP, identity("o-adopt", null), NOW).user().id();
        UserId with = login(APP, identity("o-has-one", "u-own"), NOW).user().id();

        assertThat(users().adoptUnionId(without, new UnionId("u-adopted"))).isTrue();
        assertThat(users().adoptUnionId(with, new UnionId("u-other"))).isFalse();
        assertThat(users().adoptUnionId(UserId.random(), new UnionId("u-nobody"))).isFalse();

        assertThat(users().findById(without).orElseThrow().unionId()).contains(new UnionId("u-adopted"));
        assertThat(users().findById(with).orElseThrow().unionId()).contains(new UnionId("u-own"));
        assertThat(users().adoptUnionId(without, new UnionId("u-later"))).isFalse();
        assertThat(users().findById(without).orElseThrow().unionId()).contains(new UnionId("u-adopted"));
    }

    @Test
    void theNewestSessionKeyIsKept() {
        UserId id = login(APP, identity("o-keys", null), NOW).user().id();
        var newer = new WeChatIdentity(new OpenId("o-keys"), Optional.empty(), new SessionKey("bmV3ZXJzZXNzaW9ua2V5MQ=="));

        login(APP, newer, NOW.plusSeconds(1));

        assertThat(users().sessionKeyOf(id)).contains(new SessionKey("bmV3ZXJzZXNzaW9ua2V5MQ=="));
        assertThat(users().sessionKeyOf(UserId.random())).isEmpty();
    }

    @Test
    void aDisabledUserStaysDisabled() {
        UserId id = login(APP, identity("o-disabled", null), NOW).user().id();

        assertThat(users().disable(id, NOW.plusSeconds(5))).isTrue();

        assertThat(users().findById(id).orElseThrow().disabledAt()).contains(NOW.plusSeconds(5));
        assertThat(login(APP, identity("o-disabled", null), NOW.plusSeconds(10)).user().disabled()).isTrue();
    }

    @Test
    void aDisabledUsersLoginRecordsNothing() {
        UserId id = login(APP, identity("o-off", null), NOW).user().id();
        users().disable(id, NOW.plusSeconds(5));
        var fromWeChat = new WeChatIdentity(new OpenId("o-off"), Optional.of(new UnionId("u-off")),
                new SessionKey("bmV3ZXJzZXNzaW9ua2V5MQ=="));

        var refused = login(APP, fromWeChat, NOW.plusSeconds(10));

        assertThat(refused.user().disabled()).isTrue();
        assertThat(refused.created()).isFalse();
        assertThat(users().sessionKeyOf(id)).contains(new SessionKey("c2Vzc2lvbmtleTE2Ynl0ZQ=="));
        assertThat(users().findById(id).orElseThrow().unionId()).isEmpty();
    }

    @Test
    void disablingAnUnknownUserChangesNothing() {
        assertThat(users().disable(UserId.random(), NOW)).isFalse();
        assertThat(users().findById(UserId.random())).isEmpty();
    }

    @Test
    void anEnabledUserLogsInAndRecordsTheNewSessionKeyAgain() {
        UserId id = login(APP, identity("o-back", null), NOW).user().id();
        users().disable(id, NOW.plusSeconds(5));

        assertThat(users().enable(id)).isTrue();

        assertThat(users().findById(id).orElseThrow().disabled()).isFalse();
        var back = new WeChatIdentity(new OpenId("o-back"), Optional.empty(), new SessionKey("bmV3ZXJzZXNzaW9ua2V5MQ=="));
        assertThat(login(APP, back, NOW.plusSeconds(10)).user().disabled()).isFalse();
        assertThat(users().sessionKeyOf(id)).contains(new SessionKey("bmV3ZXJzZXNzaW9ua2V5MQ=="));
    }

    @Test
    void enablingAUserWhoIsNotDisabledChangesNothing() {
        User user = login(APP, identity("o-never-off", "u-never-off"), NOW).user();

        assertThat(users().enable(user.id())).isTrue();
        assertThat(users().enable(user.id())).isTrue();

        assertThat(users().findById(user.id())).contains(user);
    }

    @Test
    void enablingAnUnknownUserChangesNothing() {
        assertThat(users().enable(UserId.random())).isFalse();
        assertThat(users().findById(UserId.random())).isEmpty();
    }

    @Test
    void aSavedPhoneNumberIsPartOfTheUserAndALaterOneReplacesIt() {
        UserId id = login(APP, identity("o-phone", null), NOW).user().id();
        PhoneNumber first = new PhoneNumber("13800001234", "13800001234", "86");
        PhoneNumber second = new PhoneNumber("+1 2025550123", "2025550123", "1");

        assertThat(users().findById(id).orElseThrow().phone()).isEmpty();
        assertThat(users().savePhone(id, first)).isTrue();
        assertThat(users().findById(id).orElseThrow().phone()).contains(first);
        assertThat(users().savePhone(id, second)).isTrue();
        assertThat(users().findById(id).orElseThrow().phone()).contains(second);
    }

    @Test
    void thePhoneNumberOutlivesLaterLoginsAndDisabling() {
        UserId id = login(APP, identity("o-phone-kept", null), NOW).user().id();
        PhoneNumber phone = new PhoneNumber("13800001234", "13800001234", "86");
        users().savePhone(id, phone);

        assertThat(login(APP, identity("o-phone-kept", "u-phone-kept"), NOW.plusSeconds(1)).user().phone()).contains(phone);
        users().disable(id, NOW.plusSeconds(2));
        assertThat(users().findById(id).orElseThrow().phone()).contains(phone);
    }

    @Test
    void savingThePhoneOfAnUnknownUserChangesNothing() {
        UserId unknown = UserId.random();
        assertThat(users().savePhone(unknown, new PhoneNumber("13800001234", "13800001234", "86"))).isFalse();
        assertThat(users().findById(unknown)).isEmpty();
    }

    @Test
    void aSessionKeyIsReplacedOnlyWhileItIsStillTheStoredOne() {
        UserId id = login(APP, identity("o-reset", null), NOW).user().id();
        SessionKey stored = identity("o-reset", null).sessionKey();
        SessionKey reset = new SessionKey("cmVzZXRzZXNzaW9ua2V5MQ==");
        SessionKey stale = new SessionKey("c3RhbGVzZXNzaW9ua2V5MQ==");

        assertThat(users().replaceSessionKey(id, stale, new SessionKey("bmV2ZXJzdG9yZWRrZXkxMQ=="))).isFalse();
        assertThat(users().sessionKeyOf(id)).contains(stored);
        assertThat(users().replaceSessionKey(id, stored, reset)).isTrue();
        assertThat(users().sessionKeyOf(id)).contains(reset);
        assertThat(users().replaceSessionKey(UserId.random(), stored, reset)).isFalse();
    }

    @Test
    void concurrentFirstLoginsOfOneOpenIdMakeOneUser() throws Exception {
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ForStoringUsers.RecordedLogin>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return login(APP, identity("o-race", null), NOW);
                }));
            }
            start.countDown();
            List<ForStoringUsers.RecordedLogin> recorded = new ArrayList<>();
            for (var result : results) {
                recorded.add(result.get());
            }
            assertThat(recorded).extracting(r -> r.user().id()).containsOnly(recorded.get(0).user().id());
            assertThat(recorded).filteredOn(ForStoringUsers.RecordedLogin::created).hasSize(1);
        }
    }
}
