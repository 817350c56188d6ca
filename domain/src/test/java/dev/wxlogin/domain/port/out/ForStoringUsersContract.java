package dev.wxlogin.domain.port.out;

import dev.wxlogin.domain.account.AccountId;
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
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
    protected static final AppId THIRD_APP = new AppId("wxcontract0000003");

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

        assertThat(users().adoptUnionId(without, new UnionId("u-adopted"), NOW)).isTrue();
        assertThat(users().adoptUnionId(with, new UnionId("u-other"), NOW)).isFalse();
        assertThat(users().adoptUnionId(UserId.random(), new UnionId("u-nobody"), NOW)).isFalse();

        assertThat(users().findById(without).orElseThrow().unionId()).contains(new UnionId("u-adopted"));
        assertThat(users().findById(with).orElseThrow().unionId()).contains(new UnionId("u-own"));
        assertThat(users().adoptUnionId(without, new UnionId("u-later"), NOW)).isFalse();
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

    @Test
    void everyPersonGetsAnAccountOfTheirOwn() {
        User alice = login(APP, identity("o-own-a", null), NOW).user();
        User bob = login(APP, identity("o-own-b", "u-own-b"), NOW).user();

        assertThat(alice.accountId()).isNotEqualTo(bob.accountId());
        assertThat(login(APP, identity("o-own-a", null), NOW.plusSeconds(1)).user().accountId())
                .isEqualTo(alice.accountId());
        assertThat(users().findById(bob.id()).orElseThrow().accountId()).isEqualTo(bob.accountId());
    }

    @Test
    void usersOfSeveralMiniProgramsWhoShareAUnionIdShareOneAccount() {
        User shop = login(APP, identity("o-shop", "u-person"), NOW).user();
        User card = login(OTHER_APP, identity("o-card", "u-person"), NOW).user();
        User stranger = login(THIRD_APP, identity("o-stranger", "u-stranger"), NOW).user();

        assertThat(card.id()).isNotEqualTo(shop.id());
        assertThat(card.accountId()).isEqualTo(shop.accountId());
        assertThat(stranger.accountId()).isNotEqualTo(shop.accountId());
    }

    /** The account that already holds the unionid survives: the joining user's account is folded into it. */
    @Test
    void aUnionIdReportedLaterJoinsTheUserToTheAccountThatHoldsIt() {
        User early = login(APP, identity("o-early", null), NOW).user();
        User holder = login(OTHER_APP, identity("o-holder", "u-joined"), NOW).user();
        assertThat(early.accountId()).isNotEqualTo(holder.accountId());

        User joined = login(APP, identity("o-early", "u-joined"), NOW.plusSeconds(1)).user();

        assertThat(joined.id()).isEqualTo(early.id());
        assertThat(joined.accountId()).isEqualTo(holder.accountId());
        assertThat(users().findById(early.id()).orElseThrow().accountId()).isEqualTo(holder.accountId());
        assertThat(users().findById(holder.id()).orElseThrow().accountId()).isEqualTo(holder.accountId());
    }

    @Test
    void aUnionIdFromOpenDataJoinsTheUserToTheAccountThatHoldsIt() {
        User early = login(APP, identity("o-open-early", null), NOW).user();
        User holder = login(OTHER_APP, identity("o-open-holder", "u-open-joined"), NOW).user();

        assertThat(users().adoptUnionId(early.id(), new UnionId("u-open-joined"), NOW)).isTrue();

        assertThat(users().findById(early.id()).orElseThrow().accountId()).isEqualTo(holder.accountId());
        User third = login(THIRD_APP, identity("o-open-third", "u-open-joined"), NOW).user();
        assertThat(third.accountId()).isEqualTo(holder.accountId());
    }

    @Test
    void aFirstUnionIdOfAnAccountBecomesItsOwn() {
        User early = login(APP, identity("o-first-union", null), NOW).user();

        assertThat(users().adoptUnionId(early.id(), new UnionId("u-first-union"), NOW)).isTrue();

        assertThat(users().findById(early.id()).orElseThrow().accountId()).isEqualTo(early.accountId());
        assertThat(login(OTHER_APP, identity("o-first-union-2", "u-first-union"), NOW).user().accountId())
                .isEqualTo(early.accountId());
    }

    @Test
    void aUnionIdThatIsNotAdoptedMovesNobody() {
        User holder = login(APP, identity("o-keeps", "u-keeps"), NOW).user();
        User other = login(OTHER_APP, identity("o-other-union", "u-other-union"), NOW).user();

        assertThat(users().adoptUnionId(other.id(), new UnionId("u-keeps"), NOW)).isFalse();
        assertThat(login(OTHER_APP, identity("o-other-union", "u-keeps"), NOW).user().unionId())
                .contains(new UnionId("u-other-union"));

        assertThat(users().findById(other.id()).orElseThrow().accountId()).isEqualTo(other.accountId())
                .isNotEqualTo(holder.accountId());
    }

    @Test
    void aDisabledUsersLoginWithAUnionIdJoinsNoAccount() {
        User holder = login(APP, identity("o-union-holder", "u-disabled-join"), NOW).user();
        User off = login(OTHER_APP, identity("o-union-off", null), NOW).user();
        users().disable(off.id(), NOW);

        login(OTHER_APP, identity("o-union-off", "u-disabled-join"), NOW.plusSeconds(1));

        assertThat(users().findById(off.id()).orElseThrow().accountId()).isEqualTo(off.accountId())
                .isNotEqualTo(holder.accountId());
    }

    /** Each thread logs the same person into a mini program of its own at once: one account comes out. */
    @Test
    void concurrentFirstLoginsOfOnePersonInSeveralMiniProgramsMakeOneAccount() throws Exception {
        List<AppId> apps = List.of(APP, OTHER_APP, THIRD_APP, new AppId("wxcontract0000004"));
        CountDownLatch start = new CountDownLatch(1);
        List<Future<User>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(apps.size())) {
            for (AppId app : apps) {
                results.add(pool.submit(() -> {
                    start.await();
                    return login(app, identity("o-at-once-" + app.value(), "u-at-once"), NOW).user();
                }));
            }
            start.countDown();
            Set<AccountId> accounts = new HashSet<>();
            Set<UserId> ids = new HashSet<>();
            for (var result : results) {
                User user = result.get();
                ids.add(user.id());
                accounts.add(users().findById(user.id()).orElseThrow().accountId());
                accounts.add(user.accountId());
            }
            assertThat(ids).hasSize(apps.size());
            assertThat(accounts).hasSize(1);
        }
    }

    /** The same person's users without a unionid join one account at once through their open data. */
    @Test
    void concurrentAdoptionsOfOneUnionIdMakeOneAccount() throws Exception {
        List<AppId> apps = List.of(APP, OTHER_APP, THIRD_APP, new AppId("wxcontract0000004"));
        List<UserId> early = new ArrayList<>();
        for (AppId app : apps) {
            early.add(login(app, identity("o-adopt-at-once-" + app.value(), null), NOW).user().id());
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(early.size())) {
            for (UserId id : early) {
                results.add(pool.submit(() -> {
                    start.await();
                    return users().adoptUnionId(id, new UnionId("u-adopt-at-once"), NOW);
                }));
            }
            start.countDown();
            for (var result : results) {
                assertThat(result.get()).isTrue();
            }
        }
        assertThat(early).extracting(id -> users().findById(id).orElseThrow().accountId()).containsOnly(
                users().findById(early.get(0)).orElseThrow().accountId());
    }

    private static final SessionKey NEWER_KEY = new SessionKey("bmV3ZXJzZXNzaW9ua2V5MQ==");

    private ForStoringUsers.Binding bind(AppId app, WeChatIdentity identity, AccountId account) {
        return transactions().inTransaction(() -> users().bindToAccount(app, identity, account, NOW));
    }

    /** An account that has no WeChat user in {@link #APP}: one that a login in another mini program made. */
    private AccountId accountWithoutAUserHere(String openId) {
        return login(OTHER_APP, identity(openId, null), NOW).user().accountId();
    }

    @Test
    void bindingANewOpenIdMakesTheUserInTheAccountWithItsSessionKey() {
        AccountId account = accountWithoutAUserHere("o-bind-owner");

        var binding = bind(APP, identity("o-bind-new", null), account);

        assertThat(binding.outcome()).isEqualTo(ForStoringUsers.BindOutcome.BOUND);
        User user = binding.user().orElseThrow();
        assertThat(user.accountId()).isEqualTo(account);
        assertThat(user.appId()).isEqualTo(APP);
        assertThat(user.openId()).isEqualTo(new OpenId("o-bind-new"));
        assertThat(user.createdAt()).isEqualTo(NOW);
        assertThat(users().findById(user.id())).contains(user);
        assertThat(users().sessionKeyOf(user.id())).contains(identity("o-bind-new", null).sessionKey());
        assertThat(login(APP, identity("o-bind-new", null), NOW.plusSeconds(1)).user().id()).isEqualTo(user.id());
    }

    @Test
    void bindingAgainFindsTheSameUserAndStoresTheNewerSessionKey() {
        AccountId account = accountWithoutAUserHere("o-rebind-owner");
        User first = bind(APP, identity("o-rebind", null), account).user().orElseThrow();

        var again = bind(APP, new WeChatIdentity(new OpenId("o-rebind"), Optional.empty(), NEWER_KEY), account);

        assertThat(again).isEqualTo(ForStoringUsers.Binding.bound(first));
        assertThat(users().sessionKeyOf(first.id())).contains(NEWER_KEY);
    }

    @Test
    void aUserOfAnotherAccountIsNotBoundAndNothingIsWritten() {
        User elsewhere = login(APP, identity("o-bind-taken", null), NOW).user();
        AccountId account = accountWithoutAUserHere("o-bind-taker");

        var binding = bind(APP, new WeChatIdentity(new OpenId("o-bind-taken"), Optional.of(new UnionId("u-bind-taken")),
                NEWER_KEY), account);

        assertThat(binding.outcome()).isEqualTo(ForStoringUsers.BindOutcome.USER_OF_ANOTHER_ACCOUNT);
        assertThat(binding.user()).isEmpty();
        assertThat(users().findById(elsewhere.id())).contains(elsewhere);
        assertThat(users().sessionKeyOf(elsewhere.id())).contains(identity("o-bind-taken", null).sessionKey());
        assertThat(login(THIRD_APP, identity("o-bind-taken-3", "u-bind-taken"), NOW).user().accountId())
                .isNotEqualTo(account).isNotEqualTo(elsewhere.accountId());
    }

    @Test
    void aUnionIdOfAnotherAccountIsNotBoundAndNoUserIsMade() {
        User holder = login(THIRD_APP, identity("o-union-owner", "u-bind-held"), NOW).user();
        AccountId account = accountWithoutAUserHere("o-union-taker");

        var binding = bind(APP, identity("o-union-taker-here", "u-bind-held"), account);

        assertThat(binding.outcome()).isEqualTo(ForStoringUsers.BindOutcome.UNIONID_OF_ANOTHER_ACCOUNT);
        assertThat(binding.user()).isEmpty();
        var later = login(APP, identity("o-union-taker-here", null), NOW.plusSeconds(1));
        assertThat(later.created()).isTrue();
        assertThat(later.user().accountId()).isNotEqualTo(account).isNotEqualTo(holder.accountId());
    }

    @Test
    void aUnionIdThatNoAccountHoldsBecomesTheAccountsSoItsLaterLoginsJoinIt() {
        AccountId account = accountWithoutAUserHere("o-union-binder");

        User bound = bind(APP, identity("o-union-bound", "u-bind-new"), account).user().orElseThrow();

        assertThat(bound.unionId()).contains(new UnionId("u-bind-new"));
        assertThat(login(THIRD_APP, identity("o-union-third", "u-bind-new"), NOW).user().accountId()).isEqualTo(account);
    }

    @Test
    void aUserOfTheAccountWithoutAUnionIdGetsTheOneBindingBrings() {
        User early = login(APP, identity("o-bind-early", null), NOW).user();

        var binding = bind(APP, identity("o-bind-early", "u-bind-early"), early.accountId());

        assertThat(binding.user().orElseThrow().unionId()).contains(new UnionId("u-bind-early"));
        assertThat(login(THIRD_APP, identity("o-bind-early-3", "u-bind-early"), NOW).user().accountId())
                .isEqualTo(early.accountId());
    }

    @Test
    void aDisabledUserOfTheAccountIsNotBoundAndNothingIsWritten() {
        User off = login(APP, identity("o-bind-off", null), NOW).user();
        users().disable(off.id(), NOW);

        var binding = bind(APP, new WeChatIdentity(new OpenId("o-bind-off"), Optional.of(new UnionId("u-bind-off")),
                NEWER_KEY), off.accountId());

        assertThat(binding.outcome()).isEqualTo(ForStoringUsers.BindOutcome.USER_DISABLED);
        assertThat(binding.user()).isEmpty();
        assertThat(users().sessionKeyOf(off.id())).contains(identity("o-bind-off", null).sessionKey());
        assertThat(users().findById(off.id()).orElseThrow().unionId()).isEmpty();
        assertThat(login(THIRD_APP, identity("o-bind-off-3", "u-bind-off"), NOW).user().accountId())
                .isNotEqualTo(off.accountId());
    }

    @Test
    void concurrentBindsOfOneIdentityToOneAccountMakeOneUser() throws Exception {
        AccountId account = accountWithoutAUserHere("o-bind-race-owner");
        int threads = 4;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ForStoringUsers.Binding>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return bind(APP, identity("o-bind-race", "u-bind-race"), account);
                }));
            }
            start.countDown();
            Set<UserId> ids = new HashSet<>();
            for (var result : results) {
                var binding = result.get();
                assertThat(binding.outcome()).isEqualTo(ForStoringUsers.BindOutcome.BOUND);
                ids.add(binding.user().orElseThrow().id());
            }
            assertThat(ids).hasSize(1);
            assertThat(users().findById(ids.iterator().next()).orElseThrow().accountId()).isEqualTo(account);
        }
    }
}
