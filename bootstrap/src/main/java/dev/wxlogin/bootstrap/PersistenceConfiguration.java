package dev.wxlogin.bootstrap;

import dev.wxlogin.adapters.persistence.Database;
import dev.wxlogin.adapters.persistence.JdbiAccessTokenStorageAdapter;
import dev.wxlogin.adapters.persistence.JdbiExchangedCodesAdapter;
import dev.wxlogin.adapters.persistence.JdbiLoginFailuresAdapter;
import dev.wxlogin.adapters.persistence.JdbiPasswordStorageAdapter;
import dev.wxlogin.adapters.persistence.JdbiProfileStorageAdapter;
import dev.wxlogin.adapters.persistence.JdbiSessionStorageAdapter;
import dev.wxlogin.adapters.persistence.JdbiTransactionsAdapter;
import dev.wxlogin.adapters.persistence.JdbiUserStorageAdapter;
import dev.wxlogin.adapters.persistence.SessionKeyCipher;
import dev.wxlogin.domain.port.out.ForCountingLoginFailures;
import dev.wxlogin.domain.port.out.ForRememberingExchangedCodes;
import dev.wxlogin.domain.port.out.ForStoringAccessTokens;
import dev.wxlogin.domain.port.out.ForRunningTransactions;
import dev.wxlogin.domain.port.out.ForStoringPasswords;
import dev.wxlogin.domain.port.out.ForStoringProfiles;
import dev.wxlogin.domain.port.out.ForStoringSessions;
import dev.wxlogin.domain.port.out.ForStoringUsers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The storage adapters over the database (migrated on start, see {@link DatabaseOpening}), each returned as its port.
 */
@Configuration(proxyBeanMethods = false)
class PersistenceConfiguration {
    @Bean
    SessionKeyCipher sessionKeyCipher(Settings settings) {
        return DataKeys.cipher(settings.dataKeys(), settings.dataDir());
    }

    @Bean
    ForStoringUsers storingUsers(Database database, SessionKeyCipher cipher) {
        return new JdbiUserStorageAdapter(database.jdbi(), cipher);
    }

    @Bean
    ForStoringProfiles storingProfiles(Database database) {
        return new JdbiProfileStorageAdapter(database.jdbi());
    }

    @Bean
    ForStoringSessions storingSessions(Database database, SessionKeyCipher cipher) {
        return new JdbiSessionStorageAdapter(database.jdbi(), cipher);
    }

    @Bean
    ForRememberingExchangedCodes rememberingExchangedCodes(Database database) {
        return new JdbiExchangedCodesAdapter(database.jdbi());
    }

    @Bean
    ForStoringPasswords storingPasswords(Database database) {
        return new JdbiPasswordStorageAdapter(database.jdbi());
    }

    @Bean
    ForCountingLoginFailures countingLoginFailures(Database database) {
        return new JdbiLoginFailuresAdapter(database.jdbi());
    }

    @Bean
    ForStoringAccessTokens storingAccessTokens(Database database, SessionKeyCipher cipher) {
        return new JdbiAccessTokenStorageAdapter(database.jdbi(), cipher);
    }

    @Bean
    ForRunningTransactions runningTransactions(Database database) {
        return new JdbiTransactionsAdapter(database.jdbi());
    }
}
