package dev.wxlogin.archfixtures.driven_ports_are_implemented_by_adapters.adapters.persistence;

import dev.wxlogin.archfixtures.driven_ports_are_implemented_by_adapters.domain.port.out.ForStoringSessions;

/** VIOLATION of drivenPortsAreImplementedByAdapters: in the right place, but not named …Adapter. */
public final class JdbiSessionStorage implements ForStoringSessions {
    @Override
    public void delete(String token) {
    }
}
