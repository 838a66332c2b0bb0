/** What the provider's operations keep: the last run of each daily job, the servers seen. Provider-side. */
package jp.sapphire.operations.entity;
