/**
 * The end-to-end test harness: the assembled EAR plus a test module, deployed by Arquillian to
 * the {@code sapphire-it} Liberty server, and test-only ways in (a sign-in for a chosen member,
 * a probe that drives the entity manager directly) that exist only in that test module.
 */
package jp.sapphire.it;
