/**
 * Technical services every component uses: the one clock, problems and refusals, bean validation
 * of inputs, paging, CSV reading and writing.
 */
package jp.sapphire.platform.control;
