/**
 * The JAX-RS application of the REST API ({@code /api}); resources live in their components'
 * {@code rest} packages.
 */
package jp.sapphire.platform.rest;
