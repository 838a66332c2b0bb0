package jp.sapphire.platform.view;

import jakarta.faces.convert.FacesConverter;

/**
 * An amount of whole yen as people type it ({@code 50,000}): the rule of {@link WholeNumberConverter}.
 * A converter of its own so that a page says which of its numbers are money.
 */
@FacesConverter("sapphire.yen")
public class YenConverter extends WholeNumberConverter {
}
