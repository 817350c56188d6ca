package dev.wxlogin.domain.fakes;

import dev.wxlogin.domain.account.AccountId;
import dev.wxlogin.domain.password.PasswordCredential;
import dev.wxlogin.domain.password.PasswordHash;
import dev.wxlogin.domain.password.Username;
import dev.wxlogin.domain.port.out.ForStoringPasswords;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A {@link ForStoringPasswords} in memory. */
public final class InMemoryPasswordStorage implements ForStoringPasswords {
    private final Map<Username, PasswordCredential> credentials = new LinkedHashMap<>(); // oldest first
    private final List<AccountId> locked = new ArrayList<>();

    @Override
    public synchronized Optional<AccountId> register(Username username, PasswordHash hash, Instant now) {
        if (credentials.containsKey(username)) {
            return Optional.empty();
        }
        AccountId account = AccountId.random();
        credentials.put(username, new PasswordCredential(account, hash));
        return Optional.of(account);
    }

    @Override
    public synchronized Optional<PasswordCredential> find(Username username) {
        return Optional.ofNullable(credentials.get(username));
    }

    @Override
    public synchronized List<Username> usernamesOf(AccountId account) {
        return credentials.entrySet().stream().filter(entry -> entry.getValue().account().equals(account))
                .map(Map.Entry::getKey).toList();
    }

    @Override
    public synchronized boolean addUsername(AccountId account, Username username, PasswordHash hash, Instant now) {
        return credentials.putIfAbsent(username, new PasswordCredential(account, hash)) == null;
    }

    /**
     * Nothing to lock ({@link SerialTransactions} runs one transaction at a time), but each call is remembered, so
     * that a test can see that a use case takes the lock.
     */
    @Override
    public synchronized void lockAccount(AccountId account) {
        locked.add(account);
    }

    /** The accounts locked so far, in order. */
    public synchronized List<AccountId> locked() {
        return List.copyOf(locked);
    }

    @Override
    public synchronized boolean replaceHash(Username username, PasswordHash current, PasswordHash replacement, Instant now) {
        PasswordCredential stored = credentials.get(username);
        if (stored == null || !stored.hash().equals(current)) {
            return false;
        }
        credentials.put(username, new PasswordCredential(stored.account(), replacement));
        return true;
    }
}
