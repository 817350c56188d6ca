package dev.wxlogin.archfixtures.driven_adapters_do_not_call_use_cases.application;

/** Compliant: an application service. */
public final class SessionCleanupService {
    public int cleanUp() {
        return 0;
    }
}
