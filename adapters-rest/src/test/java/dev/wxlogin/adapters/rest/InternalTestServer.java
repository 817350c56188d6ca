package dev.wxlogin.adapters.rest;

import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.port.in.ForDisablingUsers;
import dev.wxlogin.domain.port.in.ForEndingUsersSessions;
import dev.wxlogin.domain.port.in.ForGettingAccessTokens;
import dev.wxlogin.domain.port.in.ForResettingSessionKeys;

import java.util.List;

import static org.mockito.Mockito.mock;

/**
 * A real {@link InternalApi} on 127.0.0.1 and a free port, with Mockito mocks for its driving ports, two keys (as
 * during a rotation) and a clock for the failure budget that moves only when told.
 */
final class InternalTestServer extends HttpTestServer {
    static final String KEY = "k".repeat(16) + "0123456789abcdef";
    static final String NEXT_KEY = "n".repeat(40);
    static final AppId OTHER_APP = new AppId("wxfedcba9876543210");

    final ForGettingAccessTokens tokens = mock(ForGettingAccessTokens.class);
    final ForDisablingUsers disabling = mock(ForDisablingUsers.class);
    final ForEndingUsersSessions endingSessions = mock(ForEndingUsersSessions.class);
    final ForResettingSessionKeys resettingKeys = mock(ForResettingSessionKeys.class);
    final ManualTime time = new ManualTime();

    private final InternalApi api;

    private InternalTestServer(List<AppId> apps) {
        api = new InternalApi(tokens, disabling, endingSessions, resettingKeys,
                InternalSettings.local(List.of(KEY, NEXT_KEY), apps), RestSettings.local(apps.getFirst()), time).start();
    }

    /** Serving the one app {@link TestServer#APP_ID}. */
    static InternalTestServer start() {
        return new InternalTestServer(List.of(TestServer.APP_ID));
    }

    static InternalTestServer serving(AppId... apps) {
        return new InternalTestServer(List.of(apps));
    }

    static String[] authorized() {
        return new String[] {"Authorization", TestServer.bearer(KEY)};
    }

    @Override
    int port() {
        return api.port();
    }

    @Override
    public void close() {
        closeClient();
        api.stop();
    }
}
