package dev.wxlogin.archfixtures.no_package_cycles.domain.session;

import dev.wxlogin.archfixtures.no_package_cycles.domain.user.User;

/** Compliant on its own: a session belongs to a user. */
public record Session(String id, User user) {
}
