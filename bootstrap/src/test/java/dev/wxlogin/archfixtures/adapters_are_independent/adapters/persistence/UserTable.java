package dev.wxlogin.archfixtures.adapters_are_independent.adapters.persistence;

/** Compliant on its own: an adapter-internal class of the persistence adapter. */
public final class UserTable {
    public boolean disable(long userId) {
        return userId > 0;
    }
}
