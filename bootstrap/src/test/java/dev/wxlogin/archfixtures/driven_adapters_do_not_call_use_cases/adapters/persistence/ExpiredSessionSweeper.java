package dev.wxlogin.archfixtures.driven_adapters_do_not_call_use_cases.adapters.persistence;

import dev.wxlogin.archfixtures.driven_adapters_do_not_call_use_cases.application.SessionCleanupService;

/**
 * VIOLATION of drivenAdaptersDoNotCallUseCases: the persistence adapter (a driven adapter: it implements
 * ForStoringSessions) calls an application service; the
 * scheduler that triggers the clean-up belongs in bootstrap (the layer rule catches this one too).
 */
public final class ExpiredSessionSweeper {
    private final SessionCleanupService cleanup;

    public ExpiredSessionSweeper(SessionCleanupService cleanup) {
        this.cleanup = cleanup;
    }

    public int sweep() {
        return cleanup.cleanUp();
    }
}
