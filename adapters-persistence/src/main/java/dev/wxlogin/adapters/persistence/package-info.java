/**
 * Storage for users, sessions and exchanged login codes on any JDBC database: Jdbi SqlObject DAOs
 * (package-private) behind public {@code Jdbi<Stem>Adapter}s that map rows to domain objects, with
 * Flyway migrations in {@code db/migration} kept portable across H2, PostgreSQL and MySQL/MariaDB.
 * Every instant is stored as epoch milliseconds.
 */
package dev.wxlogin.adapters.persistence;
