/**
 * Change notices of the provider (whitepaper §12): published by operators through JMX, mailed
 * to every tenant's administrators and shown to every member.
 */
package jp.sapphire.notice.boundary;
