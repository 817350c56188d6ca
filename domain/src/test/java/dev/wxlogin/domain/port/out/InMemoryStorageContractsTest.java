package dev.wxlogin.domain.port.out;

import dev.wxlogin.domain.fakes.InMemoryAccessTokenStorage;
import dev.wxlogin.domain.fakes.InMemoryExchangedCodes;
import dev.wxlogin.domain.fakes.InMemoryLoginFailures;
import dev.wxlogin.domain.fakes.InMemoryPasswordStorage;
import dev.wxlogin.domain.fakes.InMemoryProfileStorage;
import dev.wxlogin.domain.fakes.InMemorySessionStorage;
import dev.wxlogin.domain.fakes.InMemoryUserStorage;
import dev.wxlogin.domain.fakes.SerialTransactions;
import org.junit.jupiter.api.Nested;

/** The in-memory fakes keep the same contracts as the real adapters, so service tests can trust them. */
class InMemoryStorageContractsTest {
    @Nested
    class Users extends ForStoringUsersContract {
        private final InMemoryUserStorage users = new InMemoryUserStorage();
        private final SerialTransactions transactions = new SerialTransactions(users);

        @Override
        protected ForStoringUsers users() {
            return users;
        }

        @Override
        protected ForRunningTransactions transactions() {
            return transactions;
        }
    }

    @Nested
    class Sessions extends ForStoringSessionsContract {
        private final InMemoryUserStorage users = new InMemoryUserStorage();
        private final InMemorySessionStorage sessions = new InMemorySessionStorage();
        private final SerialTransactions transactions = new SerialTransactions(users, sessions);

        Sessions() {
            users.keepsSessionsIn(sessions);
        }

        @Override
        protected ForStoringSessions sessions() {
            return sessions;
        }

        @Override
        protected ForStoringUsers users() {
            return users;
        }

        @Override
        protected ForRunningTransactions transactions() {
            return transactions;
        }
    }

    @Nested
    class Transactions extends ForRunningTransactionsContract {
        private final InMemoryUserStorage users = new InMemoryUserStorage();
        private final InMemorySessionStorage sessions = new InMemorySessionStorage();
        private final SerialTransactions transactions = new SerialTransactions(users, sessions);

        @Override
        protected ForRunningTransactions transactions() {
            return transactions;
        }

        @Override
        protected ForStoringUsers users() {
            return users;
        }

        @Override
        protected ForStoringSessions sessions() {
            return sessions;
        }
    }

    @Nested
    class Profiles extends ForStoringProfilesContract {
        private final InMemoryUserStorage users = new InMemoryUserStorage();
        private final InMemoryProfileStorage profiles = new InMemoryProfileStorage();
        private final SerialTransactions transactions = new SerialTransactions(users);

        @Override
        protected ForStoringProfiles profiles() {
            return profiles;
        }

        @Override
        protected ForStoringUsers users() {
            return users;
        }

        @Override
        protected ForRunningTransactions transactions() {
            return transactions;
        }
    }

    @Nested
    class ExchangedCodes extends ForRememberingExchangedCodesContract {
        private final InMemoryExchangedCodes codes = new InMemoryExchangedCodes();

        @Override
        protected ForRememberingExchangedCodes codes() {
            return codes;
        }
    }

    @Nested
    class AccessTokens extends ForStoringAccessTokensContract {
        private final InMemoryAccessTokenStorage tokens = new InMemoryAccessTokenStorage();

        @Override
        protected ForStoringAccessTokens tokens() {
            return tokens;
        }
    }

    @Nested
    class LoginFailures extends ForCountingLoginFailuresContract {
        private final InMemoryLoginFailures failures = new InMemoryLoginFailures();

        @Override
        protected ForCountingLoginFailures failures() {
            return failures;
        }
    }

    @Nested
    class Passwords extends ForStoringPasswordsContract {
        private final InMemoryPasswordStorage passwords = new InMemoryPasswordStorage();
        private final InMemoryUserStorage users = new InMemoryUserStorage();

        @Override
        protected ForStoringPasswords passwords() {
            return passwords;
        }

        @Override
        protected ForStoringUsers users() {
            return users;
        }
    }
}
