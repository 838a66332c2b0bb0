/** The caller's notifications. */
package jp.sapphire.notification.rest;
