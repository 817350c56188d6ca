package dev.wxlogin.archfixtures.driven_ports_are_implemented_by_adapters.application;

import dev.wxlogin.archfixtures.driven_ports_are_implemented_by_adapters.domain.port.out.ForStoringSessions;

/**
 * VIOLATION of drivenPortsAreImplementedByAdapters: named …Adapter, but it lives in the application layer; an
 * in-memory fake belongs in test sources, a real implementation in an adapter.
 */
public final class InMemorySessionStorageAdapter implements ForStoringSessions {
    @Override
    public void delete(String token) {
    }
}
