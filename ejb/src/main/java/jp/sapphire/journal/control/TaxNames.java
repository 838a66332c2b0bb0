package jp.sapphire.journal.control;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import jp.sapphire.expense.entity.InvoiceStatus;
import jp.sapphire.expense.entity.TaxClass;
import jp.sapphire.journal.entity.Software;

/**
 * The tax classes' names (税区分) in each accounting software — for a fully deductible purchase
 * (適格 and the 特例) and under the transitional measure, where {@code {percent}} stands for the
 * deductible share — SAPPHIRE's defaults with the tenant's own spellings over them. An amount
 * outside consumption tax (未払金, 普通預金) is {@code 対象外} everywhere. Sources: docs/JOURNALS.md.
 */
public final class TaxNames {

    /** A tax class's two names in one software. */
    public record Names(String qualified, String transitional) {
    }

    public static final String OUTSIDE = "対象外";

    private static final Map<Software, Map<TaxClass, Names>> DEFAULTS = Map.of(
            Software.YAYOI, names(new Names("課対仕入込10%適格", "課対仕入込10%区分{percent}%"),
                    new Names("課対仕入込軽減8%適格", "課対仕入込軽減8%区分{percent}%")),
            Software.FREEE, names(new Names("課対仕入10%", "課対仕入（控{percent}）10%"),
                    new Names("課対仕入8%（軽）", "課対仕入（控{percent}）8%（軽）")),
            Software.MF, names(new Names("課税仕入 10%", "課税仕入 10%"), new Names("課税仕入 (軽)8%", "課税仕入 (軽)8%")));

    private final Map<Software, Map<TaxClass, Names>> names;

    private TaxNames(Map<Software, Map<TaxClass, Names>> names) {
        this.names = names;
    }

    public static TaxNames defaults() {
        return new TaxNames(DEFAULTS);
    }

    /** The defaults with these names of the tenant's in their place. */
    public static TaxNames with(Map<Software, Map<TaxClass, Names>> own) {
        Map<Software, Map<TaxClass, Names>> merged = new EnumMap<>(Software.class);
        DEFAULTS.forEach((software, defaults) -> {
            Map<TaxClass, Names> one = new EnumMap<>(defaults);
            one.putAll(own.getOrDefault(software, Map.of()));
            merged.put(software, one);
        });
        return new TaxNames(merged);
    }

    /** SAPPHIRE's default names of one software. */
    public static Map<TaxClass, Names> defaultsOf(Software software) {
        return DEFAULTS.get(software);
    }

    /** The name of a side's tax in this software. */
    public String name(Software software, Journal.Side side) {
        if (side.taxClass() == null || side.status() == InvoiceStatus.NOT_TAXABLE) {
            return OUTSIDE;
        }
        Names of = names.get(software).get(side.taxClass());
        return side.status() == InvoiceStatus.TRANSITIONAL
                ? of.transitional().replace("{percent}", Integer.toString(side.deductiblePercent())) : of.qualified();
    }

    /** The names of one software, defaults and the tenant's own together. */
    public Map<TaxClass, Names> of(Software software) {
        return new HashMap<>(names.get(software));
    }

    private static Map<TaxClass, Names> names(Names standard, Names reduced) {
        Map<TaxClass, Names> names = new EnumMap<>(TaxClass.class);
        names.put(TaxClass.STANDARD_10, standard);
        names.put(TaxClass.REDUCED_8, reduced);
        names.put(TaxClass.EXEMPT, new Names(OUTSIDE, OUTSIDE));
        names.put(TaxClass.NON_TAXABLE, new Names(OUTSIDE, OUTSIDE));
        return Map.copyOf(names);
    }
}
