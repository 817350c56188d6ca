/**
 * Accounts: one per person, across mini programs. A WeChat user (one per AppID and openid) belongs to exactly one
 * account; users whose WeChat unionid is the same belong to the same one.
 */
package dev.wxlogin.domain.account;
