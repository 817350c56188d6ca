/**
 * Driving ports: what the outside world (the REST API, a library user) asks wxlogin to do. Each is
 * implemented by one application service.
 */
package dev.wxlogin.domain.port.in;
