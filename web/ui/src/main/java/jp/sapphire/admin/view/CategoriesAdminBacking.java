package jp.sapphire.admin.view;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Locale;
import jp.sapphire.admin.boundary.Masters;
import jp.sapphire.expense.entity.ExpenseCategory;

/** {@code /app/admin/categories.xhtml}: the expense categories (勘定科目) as CSV. */
@Named("categoriesAdmin")
@ViewScoped
public class CategoriesAdminBacking extends CsvMasterBacking {

    private static final long serialVersionUID = 1L;

    @EJB
    Masters masters;

    private transient List<ExpenseCategory> categories;

    public List<ExpenseCategory> getCategories() {
        return categories;
    }

    @Override
    protected void read() {
        categories = masters.categories();
    }

    @Override
    protected String fileName() {
        return "categories";
    }

    @Override
    protected byte[] export(Charset charset, Locale locale) {
        return masters.exportCategories(charset, locale);
    }

    @Override
    protected Masters.Imported importing(byte[] content, Charset charset) {
        return masters.importCategories(content, charset);
    }
}
