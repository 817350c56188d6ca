package dev.wxlogin.adapters.persistence;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded database's URL, and the URL as it may be printed: never with a password. */
class DatabaseSettingsTest {
    @Test
    void theEmbeddedDatabaseLivesInItsDirectoryWithTheDurableOptions() {
        assertThat(Database.h2FileUrl(Path.of("/srv/wx/../wx")))
                .isEqualTo("jdbc:h2:file:/srv/wx/wxlogin;WRITE_DELAY=1000;AUTO_COMPACT_FILL_RATE=0;QUERY_CACHE_SIZE=64;LOCK_TIMEOUT=10000;DB_CLOSE_ON_EXIT=FALSE");
        assertThat(Database.h2FileUrl(Path.of("data"))).startsWith("jdbc:h2:file:" + Path.of("data").toAbsolutePath());
    }

    @Test
    void theUrlIsPrintedWithoutItsOptions() {
        assertThat(settings("jdbc:postgresql://db.internal:5432/wxlogin?user=wx&password=hunter2&ssl=true").printableUrl())
                .isEqualTo("jdbc:postgresql://db.internal:5432/wxlogin");
        assertThat(settings("jdbc:h2:tcp://db/wx;USER=sa;PASSWORD=hunter2").printableUrl()).isEqualTo("jdbc:h2:tcp://db/wx");
        assertThat(settings(Database.h2FileUrl(Path.of("/srv/wx"))).printableUrl()).isEqualTo("jdbc:h2:file:/srv/wx/wxlogin");
    }

    /** Drivers that take credentials before the host: MySQL Connector/J user info, Oracle thin user/password@. */
    @ParameterizedTest
    @ValueSource(strings = {
            "jdbc:mysql://wx:hunter2@db.internal:3306/wxlogin",
            "jdbc:oracle:thin:wx/hunter2@//db.internal:1521/wxlogin",
    })
    void theUrlIsPrintedWithoutAPasswordBeforeTheHost(String url) {
        assertThat(settings(url).printableUrl()).doesNotContain("hunter2").contains("db.internal");
    }

    @Test
    void toStringShowsNoPasswordFromTheUrlOrBesideIt() {
        DatabaseSettings settings = new DatabaseSettings("jdbc:h2:tcp://db/wx;PASSWORD=in-the-url", "sa", "beside-it", 2);

        assertThat(settings.toString()).contains("jdbc:h2:tcp://db/wx").doesNotContain("in-the-url").doesNotContain("beside-it");
    }

    private static DatabaseSettings settings(String url) {
        return new DatabaseSettings(url, "", "", 1);
    }
}
