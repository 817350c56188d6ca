package dev.wxlogin.adapters.persistence;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.login.SessionKey;
import dev.wxlogin.domain.login.WeChatIdentity;
import dev.wxlogin.domain.user.OpenId;
import dev.wxlogin.domain.user.UserId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** L8: the database holds no usable {@code session_key}, and what it holds opens only for its own row and key. */
@Isolated // it reads what the cipher logs, which the other tests' ciphers log to as well
class SessionKeyAtRestTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final AppId APP = new AppId("wxatrest000000001");
    private static final SessionKey SESSION_KEY = new SessionKey("HyVFkGl5F5OQWJZZaNzBBg==");

    private final Database database = TestDatabases.inMemory();
    private final byte[] oldKey = TestDatabases.randomKey();
    private final JdbiUserStorageAdapter users = users(new SessionKeyCipher(oldKey, List.of()));
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeEach
    void captureTheCiphersLog() {
        log.start();
        ((Logger) LoggerFactory.getLogger(SessionKeyCipher.class)).addAppender(log);
    }

    @AfterEach
    void closeDatabase() {
        ((Logger) LoggerFactory.getLogger(SessionKeyCipher.class)).detachAppender(log);
        database.close();
    }

    private JdbiUserStorageAdapter users(SessionKeyCipher cipher) {
        return new JdbiUserStorageAdapter(database.jdbi(), cipher);
    }

    private UserId login(JdbiUserStorageAdapter adapter, String openId, SessionKey sessionKey) {
        return adapter.recordLogin(APP, new WeChatIdentity(new OpenId(openId), Optional.empty(), sessionKey), NOW).user().id();
    }

    private Map<String, Object> row(UserId id) {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT * FROM app_user WHERE id = :id")
                .bind("id", id.value()).mapToMap().one());
    }

    private String stored(UserId id, String column) {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT " + column + " FROM app_user WHERE id = :id")
                .bind("id", id.value()).mapTo(String.class).one());
    }

    private void overwrite(UserId id, String column, String value) {
        database.jdbi().useHandle(h -> h.createUpdate("UPDATE app_user SET " + column + " = :value WHERE id = :id")
                .bind("value", value).bind("id", id.value()).execute());
    }

    @Test
    void theRowHoldsNeitherTheKeyNorItsBytesButItOpens() {
        UserId id = login(users, "o-at-rest", SESSION_KEY);

        String keyBytesHex = HexFormat.of().formatHex(Base64.getDecoder().decode(SESSION_KEY.value()));
        String keyTextHex = HexFormat.of().formatHex(SESSION_KEY.value().getBytes(StandardCharsets.UTF_8));
        for (Object value : row(id).values()) {
            String text = String.valueOf(value);
            assertThat(text).doesNotContain(SESSION_KEY.value());
            String decodedHex = decodedHex(text);
            assertThat(decodedHex).doesNotContain(keyBytesHex).doesNotContain(keyTextHex);
        }
        assertThat(stored(id, "session_key_key_id")).isEqualTo(SessionKeyCipher.keyId(oldKey));
        assertThat(users.sessionKeyOf(id)).contains(SESSION_KEY);
    }

    private static String decodedHex(String text) {
        try {
            return HexFormat.of().formatHex(Base64.getDecoder().decode(text));
        } catch (IllegalArgumentException notBase64) {
            return "";
        }
    }

    @Test
    void aTamperedCiphertextDoesNotOpenAndIsReportedWithoutSecrets() {
        UserId id = login(users, "o-tampered", SESSION_KEY);
        byte[] sealed = Base64.getDecoder().decode(stored(id, "session_key_ciphertext"));
        sealed[sealed.length / 2] ^= 1;
        overwrite(id, "session_key_ciphertext", Base64.getEncoder().encodeToString(sealed));

        assertThat(users.sessionKeyOf(id)).isEmpty();

        assertThat(log.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage()).contains(id.value())
                    .doesNotContain(SESSION_KEY.value()).doesNotContain(Base64.getEncoder().encodeToString(sealed));
        });
    }

    @Test
    void aCiphertextCopiedFromAnotherUserDoesNotOpen() {
        UserId mine = login(users, "o-mine", SESSION_KEY);
        UserId theirs = login(users, "o-theirs", new SessionKey("dGhlaXJzZXNzaW9ua2V5MQ=="));

        overwrite(mine, "session_key_ciphertext", stored(theirs, "session_key_ciphertext"));

        assertThat(users.sessionKeyOf(mine)).isEmpty();
        assertThat(users.sessionKeyOf(theirs)).contains(new SessionKey("dGhlaXJzZXNzaW9ua2V5MQ=="));
    }

    @Test
    void anUnknownKeyIdDoesNotOpenAndIsReported() {
        UserId id = login(users, "o-unknown-key", SESSION_KEY);
        overwrite(id, "session_key_key_id", "deadbeef");

        assertThat(users.sessionKeyOf(id)).isEmpty();
        assertThat(log.list).singleElement().extracting(ILoggingEvent::getFormattedMessage).asString()
                .contains("deadbeef");
    }

    @Test
    void rotationKeepsOldRowsReadableAndResealsThemAtTheNextLogin() {
        UserId id = login(users, "o-rotated", SESSION_KEY);
        byte[] newKey = TestDatabases.randomKey();
        var rotated = users(new SessionKeyCipher(newKey, List.of(oldKey)));

        assertThat(rotated.sessionKeyOf(id)).contains(SESSION_KEY);
        assertThat(stored(id, "session_key_key_id")).isEqualTo(SessionKeyCipher.keyId(oldKey));

        login(rotated, "o-rotated", SESSION_KEY);

        assertThat(stored(id, "session_key_key_id")).isEqualTo(SessionKeyCipher.keyId(newKey));
        assertThat(users(new SessionKeyCipher(newKey, List.of())).sessionKeyOf(id)).contains(SESSION_KEY);
        assertThat(users.sessionKeyOf(id)).isEmpty(); // the old key alone no longer knows this row's key
    }
}
