package bench.peer;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.api.impl.WxMaServiceImpl;
import cn.binarywang.wx.miniapp.bean.WxMaJscode2SessionResult;
import cn.binarywang.wx.miniapp.config.impl.WxMaDefaultConfigImpl;
import cn.dev33.satoken.exception.NotLoginException;
import cn.dev33.satoken.stp.StpUtil;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.util.http.apache.DefaultApacheHttpClientBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The login a team writes with WxJava and Sa-Token, the way their guides show it: code2Session through WxJava,
 * the user found or made by openid, Sa-Token's login, the session_key in Sa-Token's session. Users and sessions
 * stay in memory (Sa-Token's default store), so nothing survives a restart; with the "redis" profile Sa-Token keeps
 * its tokens and sessions in Redis (users stay in memory). Either way the peer does less than wxlogin.
 */
@SpringBootApplication
@RestController
public class PeerApplication {
    record User(String id, String openid, String unionid, String createdAt) {}

    private final Map<String, User> usersByOpenId = new ConcurrentHashMap<>();
    private final Map<String, User> usersById = new ConcurrentHashMap<>();
    private final WxMaService wechat = new WxMaServiceImpl();

    PeerApplication(@Value("${peer.wechat-url}") String wechatUrl, @Value("${peer.app-id}") String appId,
                    @Value("${peer.app-secret}") String appSecret, @Value("${peer.wechat-connections:256}") int connections) {
        WxMaDefaultConfigImpl config = new WxMaDefaultConfigImpl();
        config.setAppid(appId);
        config.setSecret(appSecret);
        config.setApiHostUrl(wechatUrl);
        // WxJava's pool allows 10 connections to WeChat by default: raised, as a tuned peer would
        DefaultApacheHttpClientBuilder http = DefaultApacheHttpClientBuilder.get();
        http.setMaxConnPerHost(connections);
        http.setMaxTotalConn(connections);
        config.setApacheHttpClientBuilder(http);
        wechat.setWxMaConfig(config);
    }

    public static void main(String[] args) {
        SpringApplication.run(PeerApplication.class, args);
    }

    @GetMapping("/health")
    Map<String, String> health() {
        return Map.of("status", "UP");
    }

    @PostMapping("/api/v1/login")
    Map<String, Object> login(@RequestBody Map<String, String> body) throws WxErrorException {
        WxMaJscode2SessionResult session = wechat.getUserService().getSessionInfo(body.get("code"));
        User user = usersByOpenId.computeIfAbsent(session.getOpenid(), openid -> {
            User made = new User(UUID.randomUUID().toString(), openid, session.getUnionid(), Instant.now().toString());
            usersById.put(made.id(), made);
            return made;
        });
        StpUtil.login(user.id());
        StpUtil.getSession().set("sessionKey", session.getSessionKey());
        return Map.of("token", StpUtil.getTokenValue(), "tokenType", "Bearer", "expiresIn", StpUtil.getTokenTimeout(),
                "user", user);
    }

    @GetMapping("/api/v1/me")
    Map<String, Object> me() {
        User user = usersById.get(StpUtil.getLoginIdAsString());
        return Map.of("id", user.id(), "openid", user.openid(), "createdAt", user.createdAt(),
                "session", Map.of("expiresIn", StpUtil.getTokenTimeout()));
    }

    @ExceptionHandler(NotLoginException.class)
    ResponseEntity<Map<String, String>> notLoggedIn(NotLoginException e) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("error", "not logged in"));
    }

    @ExceptionHandler(WxErrorException.class)
    ResponseEntity<Map<String, Object>> refused(WxErrorException e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("errcode", e.getError().getErrorCode()));
    }
}
