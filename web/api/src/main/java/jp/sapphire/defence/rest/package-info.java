/** The API's own defences: its rate limit per token, and bodies read strictly and within bounds. */
package jp.sapphire.defence.rest;
