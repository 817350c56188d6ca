package dev.wxlogin.adapters.rest;

import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.error.AuthenticationFailed;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mini program a request says it comes from, which its token must then belong to: the {@code X-WxLogin-App}
 * header a client sets, or the Referer WeChat adds to every request of a mini program and that the mini program
 * cannot change, {@code https://servicewechat.com/<appid>/<version>/page-frame.html}, where the version is
 * {@code 0} (development, trial and review builds), {@code devtools} or the release number.
 * A Referer of any other form names nothing (browsers and tools send all kinds); a malformed header is refused.
 */
final class RequestedApp {
    static final String HEADER = "X-WxLogin-App";
    private static final Pattern WECHAT_REFERER = Pattern.compile(
            "https://servicewechat\\.com/([A-Za-z0-9_-]{1,64})/(?:0|[1-9][0-9]{0,9}|devtools)/page-frame\\.html");

    private RequestedApp() {}

    /**
     * @throws ProblemException     400 for a header that is not exactly one AppID
     * @throws AuthenticationFailed when the header and the Referer name different apps: no token belongs to both
     */
    static Optional<AppId> of(HttpServletRequest request) {
        Optional<AppId> header = header(request);
        Optional<AppId> referer = referer(request);
        if (header.isPresent() && referer.isPresent() && !header.equals(referer)) {
            throw AuthenticationFailed.unauthenticated();
        }
        return header.or(() -> referer);
    }

    private static Optional<AppId> header(HttpServletRequest request) {
        List<String> values = Collections.list(request.getHeaders(HEADER));
        if (values.isEmpty()) {
            return Optional.empty();
        }
        if (values.size() > 1 || !values.getFirst().matches("[A-Za-z0-9_-]{1,64}")) {
            throw new ProblemException(ProblemType.BAD_REQUEST,
                    HEADER + " must be one AppID: 1 to 64 letters, digits, '-' and '_'");
        }
        return Optional.of(new AppId(values.getFirst()));
    }

    private static Optional<AppId> referer(HttpServletRequest request) {
        List<String> values = Collections.list(request.getHeaders("Referer"));
        if (values.size() != 1) {
            return Optional.empty();
        }
        Matcher matcher = WECHAT_REFERER.matcher(values.getFirst());
        return matcher.matches() ? Optional.of(new AppId(matcher.group(1))) : Optional.empty();
    }
}
