/**
 * People of a tenant as SAPPHIRE knows them: members identified by their IdP's issuer and
 * subject. SAPPHIRE keeps no passwords (whitepaper §8, §10).
 */
package jp.sapphire.identity.entity;
