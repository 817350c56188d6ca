package dev.wxlogin.archfixtures.driven_adapters_do_not_call_use_cases.adapters.persistence;

import dev.wxlogin.archfixtures.driven_adapters_do_not_call_use_cases.domain.port.out.ForStoringSessions;

/** Compliant: what makes the persistence adapter a driven one. */
public final class JdbiSessionStorageAdapter implements ForStoringSessions {
    @Override
    public int deleteExpired() {
        return 0;
    }
}
