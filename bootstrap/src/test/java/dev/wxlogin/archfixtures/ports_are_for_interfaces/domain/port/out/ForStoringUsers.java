package dev.wxlogin.archfixtures.ports_are_for_interfaces.domain.port.out;

/** Compliant: a port with a nested record, as in the real domain. */
public interface ForStoringUsers {
    RecordedLogin recordLogin(String openId);

    record RecordedLogin(long userId, boolean created) {
    }
}
