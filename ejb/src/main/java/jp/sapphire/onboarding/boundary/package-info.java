/**
 * The provider's onboarding and running of customers: the operators' tenant console (open a
 * tenant, connect its IdP, issue its privileged account, suspend, resume, see its usage without
 * its content, and execute deletions at contract end).
 */
package jp.sapphire.onboarding.boundary;
