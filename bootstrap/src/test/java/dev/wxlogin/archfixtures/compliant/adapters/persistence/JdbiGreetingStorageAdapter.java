package dev.wxlogin.archfixtures.compliant.adapters.persistence;

import dev.wxlogin.archfixtures.compliant.domain.Greeting;
import dev.wxlogin.archfixtures.compliant.domain.port.out.ForStoringGreetings;
import org.jdbi.v3.core.Jdbi;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.Instant;

/** A driven adapter: Jdbi and JDBC, where they belong. */
public final class JdbiGreetingStorageAdapter implements ForStoringGreetings {
    private final Jdbi jdbi;

    public JdbiGreetingStorageAdapter(DataSource dataSource) {
        this.jdbi = Jdbi.create(dataSource);
    }

    @Override
    public StoredGreeting store(String openId, Greeting greeting, Instant at) {
        int count = jdbi.withHandle(handle -> handle
                .createUpdate("insert into greeting (open_id, text, at) values (:openId, :text, :at)")
                .bind("openId", openId)
                .bind("text", greeting.text())
                .bind("at", Timestamp.from(at))
                .execute());
        return new StoredGreeting(count, count == 1);
    }
}
