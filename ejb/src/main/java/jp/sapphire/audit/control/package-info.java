/**
 * Where an audited request came from (address and user agent), when there is a request.
 */
package jp.sapphire.audit.control;
