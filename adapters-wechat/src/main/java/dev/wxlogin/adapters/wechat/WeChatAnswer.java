package dev.wxlogin.adapters.wechat;

import com.fasterxml.jackson.databind.JsonNode;

/** What one attempt at a WeChat API call came to, before it becomes the API's result or a domain error. */
sealed interface WeChatAnswer {

    /** Short, secret-free words for the debug log. */
    String summary();

    /** A JSON object without an errcode (or with 0), in a status 200 answer: for the API to read its result from. */
    record Answered(JsonNode body) implements WeChatAnswer {
        @Override
        public String summary() {
            return "answered";
        }
    }

    sealed interface Failure extends WeChatAnswer {
        /**
         * Only these certainly left the request without effect (a single-use code unconsumed, say), so only these
         * may be tried again, whatever the API.
         */
        default boolean worthRetrying() {
            return this instanceof Refused refused && refused.errcode() == WeChatFailures.SYSTEM_BUSY
                    || this instanceof NotSent;
        }
    }

    /** WeChat's errcode; its errmsg is kept for operators (it names the caller's IP on 40164, for one). */
    record Refused(int errcode, String errmsg) implements Failure {
        @Override
        public String summary() {
            return "errcode " + errcode;
        }
    }

    /** An answer that is not the API's result: wrong status, not JSON, fields missing or malformed. */
    record Unreadable(String what) implements Failure {
        @Override
        public String summary() {
            return "unreadable answer: " + what;
        }
    }

    /** The connection failed before the request left, so WeChat never saw it. */
    record NotSent(String failure) implements Failure {
        @Override
        public String summary() {
            return "not sent: " + failure;
        }
    }

    /** The request may have reached WeChat and taken effect (consumed a code), but no answer came back. */
    record Unanswered(String failure) implements Failure {
        @Override
        public String summary() {
            return "unanswered: " + failure;
        }
    }
}
