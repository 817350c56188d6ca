package dev.wxlogin.adapters.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Optional;

/**
 * The members a handler asks for, type-checked; every other member is ignored, so a client cannot smuggle
 * in an openid or a session_key.
 */
record JsonObjectBody(ObjectNode object) implements ExtraRoute.Body {

    @Override
    public String requiredString(String name) {
        return optionalString(name).orElseThrow(() -> badMember(name));
    }

    @Override
    public Optional<String> optionalString(String name) {
        JsonNode member = object.get(name);
        if (member == null || member.isNull()) {
            return Optional.empty();
        }
        if (!member.isTextual()) {
            throw badMember(name);
        }
        return Optional.of(member.textValue());
    }

    private static ProblemException badMember(String name) {
        return new ProblemException(ProblemType.BAD_REQUEST, "The member \"" + name + "\" must be a string");
    }
}
