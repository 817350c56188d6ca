package dev.wxlogin.bootstrap;

import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.app.MiniProgram;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where the WeChat API is and which mini programs we log into: the real WeChat (or a proxy) from the
 * settings, or the sandbox. The adapter is wired the same way for both.
 *
 * @param mode "sandbox" or "WeChat", for the start-up line
 */
record WeChatEndpoint(URI baseUrl, List<MiniProgram> miniPrograms, String mode) {
    /** The mini programs this server serves: logins and sessions of any other are refused. */
    Set<AppId> appIds() {
        return miniPrograms.stream().map(MiniProgram::appId).collect(Collectors.toUnmodifiableSet());
    }
}
