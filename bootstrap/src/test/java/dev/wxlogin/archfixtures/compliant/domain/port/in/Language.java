package dev.wxlogin.archfixtures.compliant.domain.port.in;

/** A message next to the port: an enum. */
public enum Language {
    ENGLISH, CHINESE
}
