package dev.wxlogin.adapters.persistence;

import dev.wxlogin.domain.port.out.ForRunningTransactions;
import dev.wxlogin.domain.port.out.ForStoringSessions;
import dev.wxlogin.domain.port.out.ForStoringSessionsContract;
import dev.wxlogin.domain.port.out.ForStoringUsers;
import org.junit.jupiter.api.AfterEach;

class JdbiSessionStorageAdapterTest extends ForStoringSessionsContract {
    private final Database database = TestDatabases.inMemory();
    private final JdbiSessionStorageAdapter sessions = new JdbiSessionStorageAdapter(database.jdbi());
    private final JdbiUserStorageAdapter users = new JdbiUserStorageAdapter(database.jdbi(), TestDatabases.cipher());
    private final JdbiTransactionsAdapter transactions = new JdbiTransactionsAdapter(database.jdbi());

    @AfterEach
    void closeDatabase() {
        database.close();
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
