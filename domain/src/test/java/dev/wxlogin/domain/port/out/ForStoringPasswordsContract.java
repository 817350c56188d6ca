package dev.wxlogin.domain.port.out;

import dev.wxlogin.domain.account.AccountId;
import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.login.SessionKey;
import dev.wxlogin.domain.login.WeChatIdentity;
import dev.wxlogin.domain.password.PasswordCredential;
import dev.wxlogin.domain.password.PasswordHash;
import dev.wxlogin.domain.password.Username;
import dev.wxlogin.domain.user.OpenId;
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

/** What every {@link ForStoringPasswords} does; each implementation's test extends this. */
public abstract class ForStoringPasswordsContract {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final PasswordHash HASH = new PasswordHash("$argon2id$v=19$m=64,t=1,p=1$c2FsdHNhbHRzYWx0$aGFzaA");
    private static final PasswordHash OTHER = new PasswordHash("$argon2id$v=19$m=128,t=1,p=1$b3RoZXJzYWx0$b3RoZXI");

    protected abstract ForStoringPasswords passwords();

    /** The users stored beside these names: their logins make the accounts that WeChat made. */
    protected abstract ForStoringUsers users();

    private AccountId madeByWeChat(String openId) {
        return users().recordLogin(new AppId("wxcontract0000001"), new WeChatIdentity(new OpenId(openId), Optional.empty(),
                new SessionKey("c2Vzc2lvbmtleTE2Ynl0ZQ==")), NOW).user().accountId();
    }

    @Test
    void aRegisteredNameLeadsToItsNewAccountAndHash() {
        AccountId account = passwords().register(new Username("alice"), HASH, NOW).orElseThrow();

        assertThat(passwords().find(new Username("ALICE"))).contains(new PasswordCredential(account, HASH));
        assertThat(passwords().find(new Username("bob"))).isEmpty();
    }

    @Test
    void aNameIsTakenWhateverItsCase() {
        AccountId first = passwords().register(new Username("carol"), HASH, NOW).orElseThrow();

        assertThat(passwords().register(new Username("Carol"), OTHER, NOW)).isEmpty();
        assertThat(passwords().find(new Username("carol"))).contains(new PasswordCredential(first, HASH));
    }

    @Test
    void eachRegistrationMakesAnAccountOfItsOwn() {
        AccountId one = passwords().register(new Username("dave"), HASH, NOW).orElseThrow();
        AccountId two = passwords().register(new Username("erin"), HASH, NOW).orElseThrow();

        assertThat(one).isNotEqualTo(two);
    }

    @Test
    void aHashIsReplacedOnlyIfItIsStillTheCurrentOne() {
        Username frank = new Username("frank");
        AccountId account = passwords().register(frank, HASH, NOW).orElseThrow();

        assertThat(passwords().replaceHash(frank, OTHER, HASH, NOW)).isFalse();
        assertThat(passwords().replaceHash(frank, HASH, OTHER, NOW)).isTrue();
        assertThat(passwords().find(frank)).contains(new PasswordCredential(account, OTHER));
        assertThat(passwords().replaceHash(new Username("nobody"), HASH, OTHER, NOW)).isFalse();
    }

    @Test
    void ofConcurrentRegistrationsOfOneNameExactlyOneMakesAnAccount() throws Exception {
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Optional<AccountId>>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int i = 0; i < threads; i++) {
                String spelling = i % 2 == 0 ? "Racer" : "racer";
                results.add(pool.submit(() -> {
                    start.await();
                    return passwords().register(new Username(spelling), HASH, NOW);
                }));
            }
            start.countDown();
            List<AccountId> made = new ArrayList<>();
            for (Future<Optional<AccountId>> result : results) {
                result.get().ifPresent(made::add);
            }

            assertThat(made).hasSize(1);
            assertThat(passwords().find(new Username("racer")).orElseThrow().account()).isEqualTo(made.getFirst());
        }
    }

    @Test
    void anAccountsNamesAreNoneForOneThatWeChatMadeAndItsRegisteredOneOtherwise() {
        AccountId weChat = madeByWeChat("o-nameless");
        AccountId registered = passwords().register(new Username("Grace"), HASH, NOW).orElseThrow();

        assertThat(passwords().usernamesOf(weChat)).isEmpty();
        assertThat(passwords().usernamesOf(registered)).containsExactly(new Username("grace"));
        assertThat(passwords().usernamesOf(AccountId.random())).isEmpty();
    }

    @Test
    void aNameAddedToAnAccountThatWeChatMadeLeadsToItAndItsHash() {
        AccountId account = madeByWeChat("o-heidi");

        assertThat(passwords().addUsername(account, new Username("Heidi"), HASH, NOW)).isTrue();

        assertThat(passwords().find(new Username("HEIDI"))).contains(new PasswordCredential(account, HASH));
        assertThat(passwords().usernamesOf(account)).containsExactly(new Username("heidi"));
    }

    @Test
    void anAccountsNamesComeOldestFirst() {
        AccountId account = passwords().register(new Username("zed"), HASH, NOW).orElseThrow();

        assertThat(passwords().addUsername(account, new Username("ivan"), OTHER, NOW.plusSeconds(1))).isTrue();

        assertThat(passwords().usernamesOf(account)).containsExactly(new Username("zed"), new Username("ivan"));
        assertThat(passwords().find(new Username("ivan"))).contains(new PasswordCredential(account, OTHER));
        assertThat(passwords().find(new Username("zed"))).contains(new PasswordCredential(account, HASH));
    }

    @Test
    void aNameThatAnyAccountHasIsNotAddedWhateverItsCaseOrWidth() {
        AccountId holder = passwords().register(new Username("judy"), HASH, NOW).orElseThrow();
        AccountId other = madeByWeChat("o-judy");

        assertThat(passwords().addUsername(other, new Username("\uff2aUDY"), OTHER, NOW)).isFalse();
        assertThat(passwords().addUsername(holder, new Username("Judy"), OTHER, NOW)).isFalse();

        assertThat(passwords().find(new Username("judy"))).contains(new PasswordCredential(holder, HASH));
        assertThat(passwords().usernamesOf(other)).isEmpty();
        assertThat(passwords().usernamesOf(holder)).containsExactly(new Username("judy"));
    }

    /** Half the threads add the name to accounts of their own, half register it: one of them gets it. */
    @Test
    void ofConcurrentAdditionsAndRegistrationsOfOneNameExactlyOneWins() throws Exception {
        int threads = 8;
        List<AccountId> accounts = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            accounts.add(madeByWeChat("o-claimer-" + i));
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Optional<AccountId>>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int i = 0; i < threads; i++) {
                AccountId account = accounts.get(i);
                boolean adds = i % 2 == 0;
                results.add(pool.submit(() -> {
                    start.await();
                    return adds
                            ? Optional.of(account).filter(a -> passwords().addUsername(a, new Username("Claimed"), HASH, NOW))
                            : passwords().register(new Username("claimed"), HASH, NOW);
                }));
            }
            start.countDown();
            List<AccountId> winners = new ArrayList<>();
            for (Future<Optional<AccountId>> result : results) {
                result.get().ifPresent(winners::add);
            }

            assertThat(winners).hasSize(1);
            assertThat(passwords().find(new Username("claimed")).orElseThrow().account()).isEqualTo(winners.getFirst());
            assertThat(passwords().usernamesOf(winners.getFirst())).containsExactly(new Username("claimed"));
        }
    }
}
