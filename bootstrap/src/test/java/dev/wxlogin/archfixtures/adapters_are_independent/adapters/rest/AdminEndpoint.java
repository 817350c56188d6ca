package dev.wxlogin.archfixtures.adapters_are_independent.adapters.rest;

import dev.wxlogin.archfixtures.adapters_are_independent.adapters.persistence.UserTable;

/**
 * VIOLATION of adaptersAreIndependent: the REST adapter calls the persistence adapter directly, skipping the use
 * case that should decide whether a user may be disabled.
 */
public final class AdminEndpoint {
    private final UserTable users = new UserTable();

    public boolean disable(long userId) {
        return users.disable(userId);
    }
}
