package dev.wxlogin.adapters.wechat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wxlogin.domain.error.DomainException;

import java.util.Optional;

/**
 * What {@link WeChatHttpClient} must know of one WeChat API to call it: where it is, how to read its result, and
 * what its own errcodes mean. Everything else (timeouts, retries, breaker, bulkhead, errcodes every API shares,
 * log hygiene) is the client's.
 *
 * @param <T> the API's result
 */
interface WeChatApi<T> {

    /** For logs and the breaker, e.g. {@code code2Session}. */
    String name();

    /** Below the base URL, e.g. {@code /sns/jscode2session}. */
    String path();

    /** The result in an answer WeChat gave without an errcode (or with 0), or why the answer holds none. */
    Reading<T> read(JsonNode answer);

    /** The domain error an errcode particular to this API means; empty for those every API shares. */
    Optional<DomainException> errorFor(int errcode);

    /**
     * The result an errcode particular to this API stands for, where WeChat answers a question with an errcode
     * (checksession's 87009: "not the current key"); empty for errcodes that are failures.
     */
    default Optional<T> resultFor(int errcode) {
        return Optional.empty();
    }

    /** What an API made of an answer without an errcode. */
    sealed interface Reading<T> {
        /** @param summary short, secret-free words for the debug log */
        record Result<T>(T value, String summary) implements Reading<T> {
        }

        /** @param what what is missing or malformed, without any value */
        record Garbled<T>(String what) implements Reading<T> {
        }
    }
}
