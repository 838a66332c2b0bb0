/** The provider's daily jobs' records and the servers' heartbeats, each in a transaction of its own. */
package jp.sapphire.operations.boundary;
