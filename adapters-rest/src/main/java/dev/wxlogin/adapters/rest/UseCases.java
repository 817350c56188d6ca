package dev.wxlogin.adapters.rest;

import dev.wxlogin.domain.port.in.ForAuthenticating;
import dev.wxlogin.domain.port.in.ForBindingCredentials;
import dev.wxlogin.domain.port.in.ForBindingPhoneNumbers;
import dev.wxlogin.domain.port.in.ForLoggingIn;
import dev.wxlogin.domain.port.in.ForLoggingInWithPassword;
import dev.wxlogin.domain.port.in.ForLoggingOut;
import dev.wxlogin.domain.port.in.ForManagingProfiles;
import dev.wxlogin.domain.port.in.ForManagingSessions;
import dev.wxlogin.domain.port.in.ForOpeningOpenData;

import java.util.Objects;

/** The driving ports the public API serves, one per group of routes. */
public record UseCases(ForLoggingIn loggingIn, ForAuthenticating authenticating, ForLoggingOut loggingOut,
                       ForManagingSessions sessions, ForBindingPhoneNumbers phones, ForOpeningOpenData openData,
                       ForManagingProfiles profiles, ForLoggingInWithPassword passwordLogin,
                       ForBindingCredentials credentials) {
    public UseCases {
        Objects.requireNonNull(loggingIn, "loggingIn");
        Objects.requireNonNull(authenticating, "authenticating");
        Objects.requireNonNull(loggingOut, "loggingOut");
        Objects.requireNonNull(sessions, "sessions");
        Objects.requireNonNull(phones, "phones");
        Objects.requireNonNull(openData, "openData");
        Objects.requireNonNull(profiles, "profiles");
        Objects.requireNonNull(passwordLogin, "passwordLogin");
        Objects.requireNonNull(credentials, "credentials");
    }
}
