/** Driving ports. (A package-info compiles to a synthetic interface: the port rules must not mistake it for a port.) */
package dev.wxlogin.archfixtures.compliant.domain.port.in;
