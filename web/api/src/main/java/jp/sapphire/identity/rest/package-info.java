/**
 * Identity in the REST API: who the caller is ({@code /v1/me}), and the refusal of tokens that
 * have been revoked or whose member is no longer active.
 */
package jp.sapphire.identity.rest;
