package dev.wxlogin.archfixtures.spring_only_in_bootstrap.adapters.rest;

import org.springframework.stereotype.Component;

/** VIOLATION of springOnlyInBootstrap: a Spring stereotype on an adapter class. */
@Component
public class LoginController {
}
