package dev.wxlogin.archfixtures.spring_only_in_bootstrap.bootstrap;

import org.springframework.context.annotation.Configuration;

/** Compliant: Spring in bootstrap. */
@Configuration(proxyBeanMethods = false)
public class RestConfiguration {
}
