package dev.wxlogin.archfixtures.compliant.bootstrap;

import dev.wxlogin.archfixtures.compliant.adapters.persistence.JdbiGreetingStorageAdapter;
import dev.wxlogin.archfixtures.compliant.adapters.rest.GreetingEndpoint;
import dev.wxlogin.archfixtures.compliant.adapters.wechat.HttpNameLookupAdapter;
import dev.wxlogin.archfixtures.compliant.application.GreetingService;
import dev.wxlogin.archfixtures.compliant.domain.port.in.ForGreeting;
import dev.wxlogin.archfixtures.compliant.domain.port.out.ForLookingUpNames;
import dev.wxlogin.archfixtures.compliant.domain.port.out.ForStoringGreetings;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.net.URI;
import java.time.Clock;

/** The composition root: Spring and the database set-up, with dependencies as @Bean parameters. */
@Configuration(proxyBeanMethods = false)
public class GreetingConfiguration {

    @Bean
    DataSource dataSource() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:greetings");
        return dataSource;
    }

    @Bean
    ForStoringGreetings greetingStorage(DataSource dataSource) {
        return new JdbiGreetingStorageAdapter(dataSource);
    }

    @Bean
    ForLookingUpNames names() {
        return new HttpNameLookupAdapter(URI.create("http://127.0.0.1:8081"));
    }

    @Bean
    ForGreeting greeting(ForLookingUpNames names, ForStoringGreetings greetings) {
        return new GreetingService(names, greetings, Clock.systemUTC());
    }

    @Bean
    GreetingEndpoint greetingEndpoint(ForGreeting greeting) {
        return new GreetingEndpoint(greeting);
    }
}
