package jp.sapphire.admin.view;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.nio.charset.Charset;
import java.util.List;
import jp.sapphire.admin.boundary.Masters;
import jp.sapphire.expense.entity.ExpenseCategory;

/** {@code /app/admin/categories.xhtml}: the expense categories (勘定科目) as CSV. */
@Named("categoriesAdmin")
@RequestScoped
public class CategoriesAdminBacking extends CsvMasterBacking {

    @EJB
    Masters masters;

    public List<ExpenseCategory> getCategories() {
        return masters.categories();
    }

    @Override
    protected String fileName() {
        return "categories";
    }

    @Override
    protected byte[] export(Charset charset) {
        return masters.exportCategories(charset);
    }

    @Override
    protected Masters.Imported importing(byte[] content, Charset charset) {
        return masters.importCategories(content, charset);
    }
}
