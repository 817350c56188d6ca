package dev.wxlogin.bootstrap;

import dev.wxlogin.adapters.persistence.Database;
import dev.wxlogin.adapters.rest.ExtraRoute;
import dev.wxlogin.adapters.rest.Readiness;
import dev.wxlogin.adapters.rest.RestApi;
import dev.wxlogin.adapters.rest.UseCases;
import dev.wxlogin.adapters.wechat.WeChatApiLoginCodeAdapter;
import dev.wxlogin.domain.port.in.ForAuthenticating;
import dev.wxlogin.domain.port.in.ForBindingCredentials;
import dev.wxlogin.domain.port.in.ForLoggingIn;
import dev.wxlogin.domain.port.in.ForLoggingInWithPassword;
import dev.wxlogin.domain.port.in.ForLoggingOut;
import dev.wxlogin.domain.port.in.ForManagingProfiles;
import dev.wxlogin.domain.port.in.ForManagingSessions;
import dev.wxlogin.domain.port.in.ForBindingPhoneNumbers;
import dev.wxlogin.domain.port.in.ForOpeningOpenData;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The HTTP API. Created last and so destroyed first: on shutdown it stops taking requests and lets those
 * in flight finish while the database is still open.
 */
@Configuration(proxyBeanMethods = false)
class RestConfiguration {
    @Bean(initMethod = "start", destroyMethod = "stop")
    RestApi restApi(ForLoggingIn loggingIn, ForAuthenticating authenticating, ForLoggingOut loggingOut,
                    ForManagingSessions sessions, ForBindingPhoneNumbers phones, ForOpeningOpenData openData,
                    ForManagingProfiles profiles, ForLoggingInWithPassword passwordLogin,
                    ForBindingCredentials credentials, ObjectProvider<ExtraRoute> extraRoutes,
                    Database database, WeChatApiLoginCodeAdapter wechat, Settings settings) {
        return new RestApi(new UseCases(loggingIn, authenticating, loggingOut, sessions, phones, openData, profiles,
                passwordLogin, credentials), extraRoutes.orderedStream().toList(), settings.rest(),
                readiness(database, wechat));
    }

    /**
     * Ready when the database answers, as checked at most once a second (see {@link CachedCheck}). WeChat's
     * breaker is reported, not required: while WeChat is down, requests on existing sessions still work, and
     * every instance would be equally unready anyway. Its state is in memory, so it is read on every probe.
     */
    private static Supplier<Readiness> readiness(Database database, WeChatApiLoginCodeAdapter wechat) {
        BooleanSupplier databaseAnswers = new CachedCheck(database::isReachable, Duration.ofSeconds(1), System::nanoTime);
        return () -> {
            boolean databaseUp = databaseAnswers.getAsBoolean();
            return new Readiness(databaseUp, Map.of("database", databaseUp ? "UP" : "DOWN", "wechat", wechat.breakerState()));
        };
    }
}
