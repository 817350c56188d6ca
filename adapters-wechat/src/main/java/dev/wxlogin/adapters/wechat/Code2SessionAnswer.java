package dev.wxlogin.adapters.wechat;

import dev.wxlogin.domain.login.WeChatIdentity;

/** What one jscode2session call came to, before it becomes an identity or a domain error. */
sealed interface Code2SessionAnswer {

    /** Short, secret-free words for the debug log. */
    String summary();

    record Identified(WeChatIdentity identity) implements Code2SessionAnswer {
        @Override
        public String summary() {
            return "identified";
        }
    }

    sealed interface Failure extends Code2SessionAnswer {
        /** Only these leave the single-use code unconsumed, so only these may be tried again. */
        default boolean worthRetrying() {
            return this instanceof Refused refused && refused.errcode() == Code2SessionFailures.SYSTEM_BUSY
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

    /** An answer that is not a code2Session result: wrong status, not JSON, fields missing or malformed. */
    record Unreadable(String what) implements Failure {
        @Override
        public String summary() {
            return "unreadable answer: " + what;
        }
    }

    /** The connection failed before the request left, so WeChat never saw the code. */
    record NotSent(String failure) implements Failure {
        @Override
        public String summary() {
            return "not sent: " + failure;
        }
    }

    /** The request may have reached WeChat and consumed the code, but no answer came back. */
    record Unanswered(String failure) implements Failure {
        @Override
        public String summary() {
            return "unanswered: " + failure;
        }
    }
}
