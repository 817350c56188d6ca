package dev.wxlogin.archfixtures.application_depends_only_on_domain.application;

import dev.wxlogin.archfixtures.application_depends_only_on_domain.domain.login.LoginCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * VIOLATION of applicationDependsOnlyOnDomain: an application service that logs through SLF4J, a library the
 * application layer does not depend on (its only dependency is the domain).
 */
public final class LoginService {
    private static final Logger LOG = LoggerFactory.getLogger(LoginService.class);

    public void logIn(LoginCode code) {
        LOG.info("login with a code of {} characters", code.value().length());
    }
}
