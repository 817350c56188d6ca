package dev.wxlogin.archfixtures.driven_adapters_do_not_call_use_cases.adapters.queue;

import dev.wxlogin.archfixtures.driven_adapters_do_not_call_use_cases.domain.port.in.ForLoggingOut;
import dev.wxlogin.archfixtures.driven_adapters_do_not_call_use_cases.domain.port.out.ForPublishingSessionEvents;

/**
 * VIOLATION of drivenAdaptersDoNotCallUseCases, in an adapter no rule names: a new message-queue adapter publishes
 * session events for the hexagon (a driven port), and also consumes "force logout" messages by calling a use case.
 * The consumer is a driving adapter and belongs in an adapter of its own.
 */
public final class QueueSessionEventsAdapter implements ForPublishingSessionEvents {
    private final ForLoggingOut logout;

    public QueueSessionEventsAdapter(ForLoggingOut logout) {
        this.logout = logout;
    }

    @Override
    public void sessionEnded(String sessionId) {
        // published to the queue
    }

    public void onForceLogoutMessage(String token) {
        logout.logOut(token);
    }
}
