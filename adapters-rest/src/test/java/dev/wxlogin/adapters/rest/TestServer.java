package dev.wxlogin.adapters.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.port.in.ForAuthenticating;
import dev.wxlogin.domain.port.in.ForBindingCredentials;
import dev.wxlogin.domain.port.in.ForLoggingIn;
import dev.wxlogin.domain.port.in.ForLoggingInWithPassword;
import dev.wxlogin.domain.port.in.ForLoggingOut;
import dev.wxlogin.domain.port.in.ForManagingProfiles;
import dev.wxlogin.domain.port.in.ForManagingSessions;
import dev.wxlogin.domain.port.in.ForOpeningOpenData;
import dev.wxlogin.domain.profile.Profile;
import dev.wxlogin.domain.port.in.ForBindingPhoneNumbers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * A real {@link RestApi} on 127.0.0.1 and a free port, with Mockito mocks for the driving ports and for the handler
 * of an {@link ExtraRoute} at {@link #SANDBOX_CODE} (as bootstrap adds the sandbox's), a readiness to set and a
 * clock for the rate limits that moves only when told.
 */
final class TestServer extends HttpTestServer {
    static final AppId APP_ID = new AppId("wx0123456789abcdef");
    static final String JSON = "application/json";
    static final String SANDBOX_CODE = "/sandbox/code";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    final ForLoggingIn loggingIn = mock(ForLoggingIn.class);
    final ForAuthenticating authenticating = mock(ForAuthenticating.class);
    final ForLoggingOut loggingOut = mock(ForLoggingOut.class);
    final ForManagingSessions sessions = mock(ForManagingSessions.class);
    final ForOpeningOpenData openData = mock(ForOpeningOpenData.class);
    final ForManagingProfiles profiles = mock(ForManagingProfiles.class);
    final ForBindingPhoneNumbers phones = mock(ForBindingPhoneNumbers.class);
    final ForLoggingInWithPassword passwordLogin = mock(ForLoggingInWithPassword.class);
    final ForBindingCredentials credentials = mock(ForBindingCredentials.class);
    final ExtraRoute.Handler sandbox = mock(ExtraRoute.Handler.class);
    final AtomicReference<Readiness> readiness = new AtomicReference<>(new Readiness(true, Map.of("database", "UP")));
    final ManualTime time = new ManualTime();

    private final RestApi api;

    private TestServer(RestSettings settings, boolean withSandbox) {
        // /me as the real use case answers it: whoever authenticating says, with what they filled in (nothing here)
        when(profiles.me(any())).thenAnswer(call ->
                new ForManagingProfiles.Me(authenticating.authenticate(call.getArgument(0)), Profile.EMPTY, Optional.empty()));
        api = new RestApi(new UseCases(loggingIn, authenticating, loggingOut, sessions, phones, openData, profiles,
                passwordLogin, credentials),
                withSandbox ? List.of(new ExtraRoute(SANDBOX_CODE, sandbox)) : List.of(), settings, readiness::get, time).start();
    }

    static TestServer start() {
        return new TestServer(RestSettings.local(APP_ID), true);
    }

    /** A server whose logins may name any of {@code apps}. */
    static TestServer serving(AppId... apps) {
        RestSettings local = RestSettings.local(APP_ID);
        return new TestServer(new RestSettings(local.host(), local.port(), List.of(apps), local.maxBodyBytes(),
                List.of(), local.maxRequestHeaderBytes(), local.idleTimeout(), local.stopTimeout(), local.rateLimits(),
                local.admission()), true);
    }

    /** A server that works on requests as {@code admission} says. */
    static TestServer admitting(RequestAdmission admission) {
        RestSettings local = RestSettings.local(APP_ID);
        return new TestServer(new RestSettings(local.host(), local.port(), local.apps(), local.maxBodyBytes(),
                List.of(), local.maxRequestHeaderBytes(), local.idleTimeout(), local.stopTimeout(), local.rateLimits(),
                admission), true);
    }

    static TestServer withoutSandbox() {
        return new TestServer(RestSettings.local(APP_ID), false);
    }

    static TestServer trusting(String... proxies) {
        return new TestServer(localTrusting(List.of(proxies)), true);
    }

    static TestServer limiting(RateLimits limits, String... trustedProxies) {
        return new TestServer(local(List.of(trustedProxies), limits), true);
    }

    /** Login limits as given, the other limits as by default. */
    static RateLimits loginLimits(long perIpPerMinute, long globalPerSecond) {
        return new RateLimits(perIpPerMinute, globalPerSecond, RateLimits.DEFAULT.apiPerIpPerMinute(),
                RateLimits.DEFAULT.ipv6PrefixLength());
    }

    static RestSettings localTrusting(List<String> proxies) {
        return local(proxies, RateLimits.DEFAULT);
    }

    static RestSettings local(List<String> proxies, RateLimits limits) {
        RestSettings local = RestSettings.local(APP_ID);
        return new RestSettings(local.host(), local.port(), List.of(APP_ID), local.maxBodyBytes(), proxies,
                local.maxRequestHeaderBytes(), local.idleTimeout(), local.stopTimeout(), limits, local.admission());
    }

    @Override
    int port() {
        return api.port();
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String bearer(String token) {
        return "Bearer " + token;
    }

    @Override
    public void close() {
        closeClient();
        api.stop();
    }
}
