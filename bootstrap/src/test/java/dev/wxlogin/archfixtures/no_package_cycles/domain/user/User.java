package dev.wxlogin.archfixtures.no_package_cycles.domain.user;

import dev.wxlogin.archfixtures.no_package_cycles.domain.session.Session;

import java.util.List;

/**
 * VIOLATION of noPackageCycles: a user that knows its sessions closes the cycle domain.session → domain.user →
 * domain.session (ask the session store for a user's sessions instead).
 */
public record User(long id, List<Session> sessions) {
}
