package dev.wxlogin.archfixtures.jdk_http_only_in_we_chat_adapter.adapters.persistence;

import java.net.http.HttpClient;

/** VIOLATION of jdkHttpOnlyInWeChatAdapter: the persistence adapter makes HTTP calls of its own. */
public final class BackupUploader {
    private final HttpClient client = HttpClient.newHttpClient();

    public HttpClient client() {
        return client;
    }
}
