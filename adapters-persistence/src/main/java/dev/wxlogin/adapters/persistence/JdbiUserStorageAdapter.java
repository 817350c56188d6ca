package dev.wxlogin.adapters.persistence;

import dev.wxlogin.domain.account.AccountId;
import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.login.SessionKey;
import dev.wxlogin.domain.login.WeChatIdentity;
import dev.wxlogin.domain.phone.PhoneNumber;
import dev.wxlogin.domain.port.out.ForStoringUsers;
import dev.wxlogin.domain.user.UnionId;
import dev.wxlogin.domain.user.User;
import dev.wxlogin.domain.user.UserId;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Users in {@code app_user}, their {@code session_key} sealed by a {@link SessionKeyCipher}. */
public final class JdbiUserStorageAdapter implements ForStoringUsers {
    private static final String PHONE = "phone";

    private final Storage storage;
    private final SessionKeyCipher cipher;
    private final RowMapper<User> users;

    /** @param jdbi the one {@link Database#jdbi()} all adapters share, so they join one transaction */
    public JdbiUserStorageAdapter(Jdbi jdbi, SessionKeyCipher cipher) {
        this.storage = new Storage(Objects.requireNonNull(jdbi, "jdbi"));
        this.cipher = Objects.requireNonNull(cipher, "cipher");
        this.users = users(cipher, 0);
    }

    /**
     * Rows of {@link UserStatements#COLUMNS} after {@code offset} others, as this adapter reads users: also for the
     * session adapter, which reads a session's user in the same statement (it shares the cipher, not this adapter).
     */
    static RowMapper<User> users(SessionKeyCipher cipher, int offset) {
        return UserStatements.users((id, sealed) -> phoneOf(cipher, id, sealed), offset);
    }

    /**
     * The unique (app_id, openid) constraint settles concurrent first logins, on every instance: a
     * login that finds no user inserts one, and if that insert hits the key, reads the row that won.
     * Looking first keeps the usual login, by a returning user, free of failing statements (PostgreSQL
     * logs each duplicate key as an error). Updating an existing row holds its lock until the caller's
     * transaction ends, which serialises the logins of one user (a new row is locked by its insert).
     * The user's account comes from {@link AccountLinks}: the unionid's, or a new one made with the user.
     */
    @Override
    public RecordedLogin recordLogin(AppId appId, WeChatIdentity identity, Instant now) {
        String unionId = identity.unionId().map(UnionId::value).orElse(null);
        long at = now.toEpochMilli();
        return storage.inTransaction(handle -> {
            Optional<UserStatements.Known> known = findKnown(handle, appId, identity);
            if (known.isEmpty()) {
                UserId fresh = UserId.random();
                String account = unionId == null ? AccountId.random().value() : AccountLinks.accountOf(handle, unionId, at);
                if (Savepoints.insertedNew(handle, () -> {
                    if (unionId == null) {
                        AccountLinks.insertAccount(handle, account, at);
                    }
                    insertUser(handle, fresh, account, appId, identity, at);
                })) {
                    return new RecordedLogin(User.created(fresh, new AccountId(account), appId, identity.openId(),
                            identity.unionId(), now), true);
                }
                known = findKnown(handle, appId, identity);
            }
            UserStatements.Known existing = known
                    .orElseThrow(() -> new IllegalStateException("a user that blocked an insert has gone"));
            UserId id = new UserId(existing.id());
            if (recordLoginOf(handle, id, identity, at) > 0 && unionId != null && existing.unionId() == null) {
                AccountLinks.link(handle, existing.accountId(), unionId, at);
            }
            return new RecordedLogin(find(handle, id).orElseThrow(), false);
        });
    }

    /**
     * Decides on the user's row, locked, and on the unionid's holder; then writes what is missing, the unionid's
     * identity and the user, in one savepoint. A concurrent bind or login that wrote either first undoes both, and
     * the decision is made again on what it committed: each retry sees one more row, so retries end. Refusals write
     * nothing.
     */
    @Override
    public Binding bindToAccount(AppId appId, WeChatIdentity identity, AccountId account, Instant now) {
        return storage.inTransaction(handle -> bind(handle, appId, identity, account.value(), now.toEpochMilli()));
    }

    private Binding bind(Handle handle, AppId appId, WeChatIdentity identity, String account, long now) {
        String unionId = identity.unionId().map(UnionId::value).orElse(null);
        Optional<UserId> known = findKnown(handle, appId, identity).map(k -> new UserId(k.id()));
        Optional<UserStatements.Locked> locked = known.flatMap(id -> handle.createQuery(UserStatements.LOCK)
                .bind("id", id.value()).map(UserStatements.LOCKED).findOne());
        if (locked.isPresent() && !locked.get().accountId().equals(account)) {
            return Binding.refused(BindOutcome.USER_OF_ANOTHER_ACCOUNT);
        }
        Optional<String> holder = Optional.ofNullable(unionId).flatMap(union -> AccountLinks.holderOf(handle, union));
        if (holder.isPresent() && !holder.get().equals(account)) {
            return Binding.refused(BindOutcome.UNIONID_OF_ANOTHER_ACCOUNT);
        }
        if (locked.isPresent() && locked.get().disabled()) {
            return Binding.refused(BindOutcome.USER_DISABLED);
        }
        boolean claimsUnionId = unionId != null && holder.isEmpty();
        UserId id = known.orElseGet(UserId::random);
        if ((claimsUnionId || known.isEmpty()) && !Savepoints.insertedNew(handle, () -> {
            if (claimsUnionId) {
                AccountLinks.insertIdentity(handle, unionId, account, now);
            }
            if (known.isEmpty()) {
                insertUser(handle, id, account, appId, identity, now);
            }
        })) {
            return bind(handle, appId, identity, account, now);
        }
        if (known.isPresent()) {
            recordLoginOf(handle, id, identity, now);
        }
        return Binding.bound(find(handle, id).orElseThrow());
    }

    /** See {@link UserStatements#RECORD_LOGIN}; returns how many rows it changed. */
    private int recordLoginOf(Handle handle, UserId id, WeChatIdentity identity, long now) {
        var sealed = cipher.seal(id, identity.sessionKey());
        RowChanges.changed(handle, id.value());
        return handle.createUpdate(UserStatements.RECORD_LOGIN)
                .bind("id", id.value())
                .bind("unionId", identity.unionId().map(UnionId::value).orElse(null))
                .bind("now", now)
                .bind("ciphertext", sealed.ciphertext())
                .bind("keyId", sealed.keyId())
                .execute();
    }

    private void insertUser(Handle handle, UserId id, String account, AppId appId, WeChatIdentity identity, long now) {
        var sealed = cipher.seal(id, identity.sessionKey());
        handle.createUpdate(UserStatements.INSERT)
                .bind("id", id.value())
                .bind("accountId", account)
                .bind("appId", appId.value())
                .bind("openId", identity.openId().value())
                .bind("unionId", identity.unionId().map(UnionId::value).orElse(null))
                .bind("now", now)
                .bind("ciphertext", sealed.ciphertext())
                .bind("keyId", sealed.keyId())
                .execute();
    }

    private static Optional<UserStatements.Known> findKnown(Handle handle, AppId appId, WeChatIdentity identity) {
        return handle.createQuery(UserStatements.FIND_KNOWN)
                .bind("appId", appId.value())
                .bind("openId", identity.openId().value())
                .map(UserStatements.KNOWN)
                .findOne();
    }

    private Optional<User> find(Handle handle, UserId id) {
        return handle.createQuery(UserStatements.FIND).bind("id", id.value()).map(users).findOne();
    }

    @Override
    public Optional<User> findById(UserId id) {
        return storage.read(handle -> find(handle, id));
    }

    @Override
    public Optional<SessionKey> sessionKeyOf(UserId id) {
        return storage.read(handle -> handle.attach(UserDao.class).findSessionKey(id.value()))
                .flatMap(sealed -> cipher.open(id, sealed));
    }

    /** In one transaction with the account it leads to, so a user never has a unionid without its account. */
    @Override
    public boolean adoptUnionId(UserId id, UnionId unionId, Instant now) {
        return storage.inTransaction(handle -> {
            UserDao dao = changing(handle, id);
            if (dao.adoptUnionId(id.value(), unionId.value()) == 0) {
                return false;
            }
            AccountLinks.link(handle, dao.accountOf(id.value()), unionId.value(), now.toEpochMilli());
            return true;
        });
    }

    @Override
    public boolean replaceSessionKey(UserId id, SessionKey current, SessionKey replacement) {
        return storage.inTransaction(handle -> {
            UserDao dao = changing(handle, id);
            Optional<SessionKeyCipher.Sealed> stored = dao.findSessionKey(id.value());
            if (stored.isEmpty() || !cipher.open(id, stored.get()).equals(Optional.of(current))) {
                return false;
            }
            var sealed = cipher.seal(id, replacement);
            return dao.replaceSessionKey(id.value(), stored.get().ciphertext(), sealed.ciphertext(), sealed.keyId()) > 0;
        });
    }

    @Override
    public boolean savePhone(UserId id, PhoneNumber phone) {
        var sealed = cipher.seal(id, PHONE,
                String.join("\n", phone.countryCode(), phone.purePhoneNumber(), phone.phoneNumber()));
        return storage.withHandle(handle -> changing(handle, id).savePhone(id.value(), sealed.ciphertext(),
                sealed.keyId())) > 0;
    }

    @Override
    public boolean disable(UserId id, Instant now) {
        return storage.withHandle(handle -> changing(handle, id).disable(id.value(), now.toEpochMilli())) > 0;
    }

    @Override
    public boolean enable(UserId id) {
        return storage.withHandle(handle -> changing(handle, id).enable(id.value())) > 0;
    }

    /** The DAO, for statements that change the user {@code id}'s row. */
    private static UserDao changing(Handle handle, UserId id) {
        RowChanges.changed(handle, id.value());
        return handle.attach(UserDao.class);
    }

    /** A phone that does not open (its data key is gone) is as good as none: the user can hand it over again. */
    private static Optional<PhoneNumber> phoneOf(SessionKeyCipher cipher, UserId id, SessionKeyCipher.Sealed sealed) {
        return cipher.open(id, PHONE, sealed)
                .map(text -> text.split("\n", 3))
                .map(parts -> new PhoneNumber(parts[2], parts[1], parts[0]));
    }
}
