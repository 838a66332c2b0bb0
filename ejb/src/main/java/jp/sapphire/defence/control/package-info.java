/**
 * The application's own defences, which a WAF in front would otherwise be trusted with
 * (whitepaper §15, docs/SECURITY.md): rate limits per client address and per API token, and the
 * rule for where SAPPHIRE may send a request of its own (public HTTPS hosts only).
 */
package jp.sapphire.defence.control;
