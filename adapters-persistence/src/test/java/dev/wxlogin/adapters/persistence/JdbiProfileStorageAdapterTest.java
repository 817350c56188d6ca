package dev.wxlogin.adapters.persistence;

import dev.wxlogin.adapters.persistence.testing.Engine;
import dev.wxlogin.adapters.persistence.testing.OnEveryEngine;
import dev.wxlogin.domain.port.out.ForRunningTransactions;
import dev.wxlogin.domain.port.out.ForStoringProfiles;
import dev.wxlogin.domain.port.out.ForStoringProfilesContract;
import dev.wxlogin.domain.port.out.ForStoringUsers;
import org.junit.jupiter.api.AfterEach;

/** The profile contract on H2, PostgreSQL and MariaDB: binary images of 700 KB and nicknames beyond the BMP. */
@OnEveryEngine
class JdbiProfileStorageAdapterTest extends ForStoringProfilesContract {
    private final Database database;
    private final JdbiUserStorageAdapter users;
    private final JdbiProfileStorageAdapter profiles;
    private final JdbiTransactionsAdapter transactions;

    JdbiProfileStorageAdapterTest(Engine engine) {
        database = TestDatabases.open(engine);
        users = new JdbiUserStorageAdapter(database.jdbi(), TestDatabases.cipher());
        profiles = new JdbiProfileStorageAdapter(database.jdbi());
        transactions = new JdbiTransactionsAdapter(database.jdbi());
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

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
