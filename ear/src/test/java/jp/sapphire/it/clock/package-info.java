/**
 * The test deployment's clock: a library of the test EAR, visible to every module, that replaces
 * the product's one clock so tests place "now" where they need it instead of waiting.
 */
package jp.sapphire.it.clock;
