package dev.wxlogin.domain.fakes;

import dev.wxlogin.domain.account.AccountId;
import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.login.SessionKey;
import dev.wxlogin.domain.login.WeChatIdentity;
import dev.wxlogin.domain.phone.PhoneNumber;
import dev.wxlogin.domain.port.out.ForStoringUsers;
import dev.wxlogin.domain.user.UnionId;
import dev.wxlogin.domain.user.User;
import dev.wxlogin.domain.user.UserId;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link ForStoringUsers} in memory, for service tests and as the contract's reference. */
public final class InMemoryUserStorage implements ForStoringUsers, RollsBack {
    private final Map<UserId, User> byId = new ConcurrentHashMap<>();
    private final Map<String, UserId> byOpenId = new ConcurrentHashMap<>();
    private final Map<UserId, SessionKey> sessionKeys = new ConcurrentHashMap<>();
    private final Map<UnionId, AccountId> accountsByUnionId = new ConcurrentHashMap<>();
    private volatile InMemorySessionStorage sessions = new InMemorySessionStorage();

    /**
     * Where a folded account's sessions move, as the database's do: the sessions stored beside these users, which then
     * find their users here.
     */
    public void keepsSessionsIn(InMemorySessionStorage sessions) {
        this.sessions = sessions;
        sessions.joinsUsersOf(this);
    }

    @Override
    public synchronized Runnable snapshot() {
        Map<UserId, User> users = Map.copyOf(byId);
        Map<String, UserId> openIds = Map.copyOf(byOpenId);
        Map<UserId, SessionKey> keys = Map.copyOf(sessionKeys);
        Map<UnionId, AccountId> accounts = Map.copyOf(accountsByUnionId);
        return () -> {
            synchronized (this) {
                restore(byId, users);
                restore(byOpenId, openIds);
                restore(sessionKeys, keys);
                restore(accountsByUnionId, accounts);
            }
        };
    }

    private static <K, V> void restore(Map<K, V> map, Map<K, V> saved) {
        map.clear();
        map.putAll(saved);
    }

    @Override
    public synchronized RecordedLogin recordLogin(AppId appId, WeChatIdentity identity, Instant now) {
        String key = appId.value() + "/" + identity.openId().value();
        UserId existing = byOpenId.get(key);
        boolean created = existing == null;
        User user;
        if (created) {
            AccountId account = identity.unionId().map(union -> accountsByUnionId.computeIfAbsent(union,
                    any -> AccountId.random())).orElseGet(AccountId::random);
            user = User.created(UserId.random(), account, appId, identity.openId(), identity.unionId(), now);
            byOpenId.put(key, user.id());
        } else {
            User known = byId.get(existing);
            if (known.disabled()) {
                return new RecordedLogin(known, false);
            }
            user = known;
            if (known.unionId().isEmpty() && identity.unionId().isPresent()) {
                byId.put(known.id(), known.withUnionId(identity.unionId()));
                link(known.accountId(), identity.unionId().get());
                user = byId.get(known.id());
            }
        }
        byId.put(user.id(), user);
        sessionKeys.put(user.id(), identity.sessionKey());
        return new RecordedLogin(user, created);
    }

    @Override
    public synchronized Binding bindToAccount(AppId appId, WeChatIdentity identity, AccountId account, Instant now) {
        UserId existing = byOpenId.get(appId.value() + "/" + identity.openId().value());
        Optional<AccountId> holder = identity.unionId().map(accountsByUnionId::get);
        if (existing != null && !byId.get(existing).accountId().equals(account)) {
            return Binding.refused(BindOutcome.USER_OF_ANOTHER_ACCOUNT);
        }
        if (holder.isPresent() && !holder.get().equals(account)) {
            return Binding.refused(BindOutcome.UNIONID_OF_ANOTHER_ACCOUNT);
        }
        if (existing != null && byId.get(existing).disabled()) {
            return Binding.refused(BindOutcome.USER_DISABLED);
        }
        identity.unionId().ifPresent(union -> accountsByUnionId.put(union, account));
        if (existing == null) {
            User user = User.created(UserId.random(), account, appId, identity.openId(), identity.unionId(), now);
            byOpenId.put(appId.value() + "/" + identity.openId().value(), user.id());
            byId.put(user.id(), user);
        } else if (byId.get(existing).unionId().isEmpty() && identity.unionId().isPresent()) {
            byId.put(existing, byId.get(existing).withUnionId(identity.unionId()));
        }
        User user = byId.get(byOpenId.get(appId.value() + "/" + identity.openId().value()));
        sessionKeys.put(user.id(), identity.sessionKey());
        return Binding.bound(user);
    }

    @Override
    public Optional<User> findById(UserId id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public synchronized boolean disable(UserId id, Instant now) {
        User user = byId.get(id);
        if (user == null) {
            return false;
        }
        if (!user.disabled()) {
            byId.put(id, user.withDisabledAt(Optional.of(now)));
        }
        return true;
    }

    @Override
    public synchronized boolean enable(UserId id) {
        User user = byId.get(id);
        if (user == null) {
            return false;
        }
        byId.put(id, user.withDisabledAt(Optional.empty()));
        return true;
    }

    @Override
    public synchronized boolean adoptUnionId(UserId id, UnionId unionId, Instant now) {
        User user = byId.get(id);
        if (user == null || user.unionId().isPresent()) {
            return false;
        }
        byId.put(id, user.withUnionId(Optional.of(unionId)));
        link(user.accountId(), unionId);
        return true;
    }

    @Override
    public Optional<SessionKey> sessionKeyOf(UserId id) {
        return Optional.ofNullable(sessionKeys.get(id));
    }

    /** As when the key was sealed under a data key since retired: the user has no session_key to use. */
    public void forgetSessionKey(UserId id) {
        sessionKeys.remove(id);
    }

    @Override
    public synchronized boolean replaceSessionKey(UserId id, SessionKey current, SessionKey replacement) {
        return sessionKeys.replace(id, current, replacement);
    }

    @Override
    public synchronized boolean savePhone(UserId id, PhoneNumber phone) {
        User user = byId.get(id);
        if (user == null) {
            return false;
        }
        byId.put(id, user.withPhone(Optional.of(phone)));
        return true;
    }

    /** The account already holding the unionid survives; every user and session of {@code account} moves to it. */
    private void link(AccountId account, UnionId unionId) {
        AccountId survivor = accountsByUnionId.putIfAbsent(unionId, account);
        if (survivor == null || survivor.equals(account)) {
            return;
        }
        byId.replaceAll((id, user) -> user.accountId().equals(account) ? user.withAccount(survivor) : user);
        accountsByUnionId.replaceAll((union, held) -> held.equals(account) ? survivor : held);
        sessions.moveAccount(account, survivor);
    }

    public int count() {
        return byId.size();
    }
}
