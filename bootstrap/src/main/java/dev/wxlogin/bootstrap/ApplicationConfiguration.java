package dev.wxlogin.bootstrap;

import dev.wxlogin.adapters.images.ImageIoImageCleaningAdapter;
import dev.wxlogin.adapters.passwords.Argon2idPasswordHashingAdapter;
import dev.wxlogin.adapters.passwords.BundledListCommonPasswordsAdapter;
import dev.wxlogin.application.AuthenticationService;
import dev.wxlogin.application.CredentialBindingService;
import dev.wxlogin.application.LoginService;
import dev.wxlogin.application.LogoutService;
import dev.wxlogin.application.OpenDataService;
import dev.wxlogin.application.PasswordAccounts;
import dev.wxlogin.application.PasswordLoginService;
import dev.wxlogin.application.PhoneBindingService;
import dev.wxlogin.application.ProfileService;
import dev.wxlogin.application.SessionCleanupService;
import dev.wxlogin.application.SessionKeyResetService;
import dev.wxlogin.application.SessionManagementService;
import dev.wxlogin.application.UserAdministrationService;
import dev.wxlogin.domain.port.in.ForAuthenticating;
import dev.wxlogin.domain.port.in.ForBindingCredentials;
import dev.wxlogin.domain.port.in.ForCleaningUpSessions;
import dev.wxlogin.domain.port.in.ForGettingAccessTokens;
import dev.wxlogin.domain.port.in.ForLoggingIn;
import dev.wxlogin.domain.port.in.ForLoggingInWithPassword;
import dev.wxlogin.domain.port.in.ForLoggingOut;
import dev.wxlogin.domain.port.in.ForManagingProfiles;
import dev.wxlogin.domain.port.in.ForManagingSessions;
import dev.wxlogin.domain.port.in.ForBindingPhoneNumbers;
import dev.wxlogin.domain.port.in.ForOpeningOpenData;
import dev.wxlogin.domain.port.in.ForResettingSessionKeys;
import dev.wxlogin.domain.port.out.ForCheckingSessionKeys;
import dev.wxlogin.domain.port.out.ForDecryptingOpenData;
import dev.wxlogin.domain.port.out.ForCountingLoginFailures;
import dev.wxlogin.domain.port.out.ForExchangingLoginCodes;
import dev.wxlogin.domain.port.out.ForLookingUpPhoneNumbers;
import dev.wxlogin.domain.port.out.ForRememberingExchangedCodes;
import dev.wxlogin.domain.port.out.ForRunningTransactions;
import dev.wxlogin.domain.port.out.ForStoringPasswords;
import dev.wxlogin.domain.port.out.ForStoringProfiles;
import dev.wxlogin.domain.port.out.ForStoringSessions;
import dev.wxlogin.domain.port.out.ForStoringUsers;
import dev.wxlogin.domain.session.SessionPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;

/** The use cases, each returned as its driving port. */
@Configuration(proxyBeanMethods = false)
class ApplicationConfiguration {
    /** Milliseconds: what the database stores, so a session read back equals the one written. */
    @Bean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    }

    @Bean
    SessionPolicy sessionPolicy(Settings settings) {
        return settings.sessions();
    }

    @Bean
    ForLoggingIn loggingIn(ForExchangingLoginCodes wechat, ForRememberingExchangedCodes exchangedCodes, ForStoringUsers users,
                           ForStoringSessions sessions, WeChatEndpoint endpoint, ForRunningTransactions transactions,
                           SessionPolicy policy, Clock clock) {
        return new LoginService(wechat, exchangedCodes, users, sessions, endpoint.appIds(), transactions, policy, clock);
    }

    @Bean
    ForAuthenticating authenticating(ForStoringSessions sessions, WeChatEndpoint endpoint, SessionPolicy policy,
                                     Clock clock) {
        return new AuthenticationService(sessions, endpoint.appIds(), policy, clock);
    }

    @Bean
    ForLoggingOut loggingOut(ForStoringSessions sessions, Clock clock) {
        return new LogoutService(sessions, clock);
    }

    @Bean
    ForManagingSessions managingSessions(ForStoringSessions sessions, WeChatEndpoint endpoint, SessionPolicy policy,
                                         Clock clock) {
        return new SessionManagementService(sessions, endpoint.appIds(), policy, clock);
    }

    /** Both operator ports: disabling and enabling users, and ending all of a user's sessions. */
    @Bean
    UserAdministrationService userAdministration(ForStoringUsers users, ForStoringSessions sessions,
                                                 ForRunningTransactions transactions, SessionPolicy policy, Clock clock) {
        return new UserAdministrationService(users, sessions, transactions, policy, clock);
    }

    @Bean
    ForBindingPhoneNumbers bindingPhoneNumbers(ForLookingUpPhoneNumbers wechat, ForGettingAccessTokens tokens,
                                                       ForStoringSessions sessions, ForStoringUsers users,
                                                       WeChatEndpoint endpoint, SessionPolicy policy, Clock clock) {
        return new PhoneBindingService(wechat, tokens, sessions, users, endpoint.appIds(), policy, clock);
    }

    @Bean
    ForResettingSessionKeys resettingSessionKeys(ForCheckingSessionKeys wechat, ForGettingAccessTokens tokens,
                                                 ForStoringUsers users, ForStoringSessions sessions,
                                                 SessionPolicy policy, Clock clock) {
        return new SessionKeyResetService(wechat, tokens, users, sessions, policy, clock);
    }

    @Bean
    ForOpeningOpenData openingOpenData(ForStoringSessions sessions, ForStoringUsers users, WeChatEndpoint endpoint,
                                       SessionPolicy policy, ForDecryptingOpenData cipher,
                                       ForCheckingSessionKeys sessionKeys, ForGettingAccessTokens tokens,
                                       Settings settings, Clock clock) {
        return new OpenDataService(sessions, users, endpoint.appIds(), policy, cipher, sessionKeys, tokens,
                settings.openData(), clock);
    }

    /** Avatars are decoded and re-encoded by ImageIO: the image adapter needs no settings and holds no resources. */
    @Bean
    ForManagingProfiles managingProfiles(ForStoringSessions sessions, WeChatEndpoint endpoint, SessionPolicy policy,
                                         ForStoringProfiles profiles, ForStoringPasswords passwords, Clock clock) {
        return new ProfileService(sessions, endpoint.appIds(), policy, profiles, new ImageIoImageCleaningAdapter(),
                passwords, clock);
    }

    /**
     * Argon2id at the configured cost and the bundled list of common passwords; one instance, as it hashes a dummy
     * password when made, for both password use cases.
     */
    @Bean
    PasswordAccounts passwordAccounts(ForStoringPasswords passwords, ForCountingLoginFailures loginFailures,
                                      Settings settings, Clock clock) {
        return new PasswordAccounts(passwords, new Argon2idPasswordHashingAdapter(settings.passwords().hashCost()),
                new BundledListCommonPasswordsAdapter(), loginFailures, settings.passwords().failureLimits(), clock);
    }

    @Bean
    ForLoggingInWithPassword loggingInWithPassword(PasswordAccounts accounts, ForStoringPasswords passwords,
                                                   ForStoringSessions sessions, ForRunningTransactions transactions,
                                                   SessionPolicy policy, Clock clock) {
        return new PasswordLoginService(accounts, passwords, sessions, transactions, policy, clock);
    }

    @Bean
    ForBindingCredentials bindingCredentials(PasswordAccounts accounts, ForStoringPasswords passwords,
                                             ForStoringSessions sessions, ForStoringUsers users,
                                             ForExchangingLoginCodes wechat, ForRememberingExchangedCodes exchangedCodes,
                                             WeChatEndpoint endpoint, ForRunningTransactions transactions,
                                             SessionPolicy policy, Clock clock) {
        return new CredentialBindingService(accounts, passwords, sessions, users, wechat, exchangedCodes,
                endpoint.appIds(), transactions, policy, clock);
    }

    @Bean
    ForCleaningUpSessions cleaningUp(ForStoringSessions sessions, ForRememberingExchangedCodes exchangedCodes,
                                     ForCountingLoginFailures loginFailures, SessionPolicy policy, Settings settings,
                                     Clock clock) {
        return new SessionCleanupService(sessions, exchangedCodes, loginFailures, policy,
                settings.passwords().failureLimits(), settings.cleanup().batchSize(), clock);
    }
}
