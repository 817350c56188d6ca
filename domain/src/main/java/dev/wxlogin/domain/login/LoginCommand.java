package dev.wxlogin.domain.login;

import dev.wxlogin.domain.session.ClientInfo;
import dev.wxlogin.domain.app.AppId;

import java.util.Objects;

/** Log in to the mini program {@code appId} with a code from {@code wx.login()}. */
public record LoginCommand(AppId appId, LoginCode code, ClientInfo client) {
    public LoginCommand {
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(client, "client");
    }
}
