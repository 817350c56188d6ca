package dev.wxlogin.bootstrap;

import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.app.MiniProgram;

import java.net.URI;
import java.util.List;

/**
 * Where the WeChat API is and which mini programs we log into: the real WeChat (or a proxy) from the
 * settings, or the sandbox. The adapter is wired the same way for both.
 *
 * @param defaultApp the mini program a login is for when the request does not say
 * @param mode       "sandbox" or "WeChat", for the start-up line
 */
record WeChatEndpoint(URI baseUrl, List<MiniProgram> miniPrograms, AppId defaultApp, String mode) {
}
