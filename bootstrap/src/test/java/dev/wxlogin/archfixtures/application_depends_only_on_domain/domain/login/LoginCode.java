package dev.wxlogin.archfixtures.application_depends_only_on_domain.domain.login;

/** Compliant: a domain value the service may use. */
public record LoginCode(String value) {
}
