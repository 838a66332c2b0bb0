package jp.sapphire.admin.view;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.sapphire.admin.boundary.FormConfiguration;
import jp.sapphire.admin.boundary.Masters;
import jp.sapphire.expense.entity.CustomField;
import jp.sapphire.expense.entity.ExpenseCategory;
import jp.sapphire.platform.control.InvalidInputException;
import jp.sapphire.platform.control.NotFoundException;
import jp.sapphire.platform.view.FacesProblems;
import jp.sapphire.platform.view.ReadAgainAfterMove;
import jp.sapphire.platform.view.Rereads;

/**
 * {@code /app/admin/fields.xhtml[?id=]}: the custom fields of expense lines, listed, defined and
 * changed (type, required, choices, the category whose lines carry them).
 */
@Named("fieldsAdmin")
@ViewScoped
@ReadAgainAfterMove
public class FieldsAdminBacking extends DefinitionFormBacking implements Rereads {

    private static final long serialVersionUID = 1L;

    @EJB
    FormConfiguration configuration;

    @EJB
    Masters masters;

    private CustomField.Type type = CustomField.Type.TEXT;
    private boolean required;
    private String choices;
    private UUID category;
    private transient List<CustomField> fields;
    private transient List<ExpenseCategory> categories;

    /** The fields listed and the categories offered, read once for the view. */
    @PostConstruct
    void lookups() {
        fields = configuration.fields();
        categories = masters.categories();
    }

    @Override
    public void load() {
        if (getId() == null) {
            return;
        }
        fields.stream().filter(field -> field.getId().equals(getId())).findFirst().ifPresentOrElse(field -> {
            setKey(field.getKey());
            setName(field.getName());
            type = field.getType();
            required = field.isRequired();
            choices = String.join("\n", field.getChoices());
            category = field.getCategory() == null ? null : field.getCategory().getId();
        }, () -> setId(null));
    }

    public void save() {
        try {
            CustomField saved = configuration.saveField(getId(),
                    new FormConfiguration.FieldInput(getKey(), getName(), type, required, choices, category));
            FacesProblems.confirm("admin.fields.saved", saved.getName());
            fields = configuration.fields();
            clear();
            type = CustomField.Type.TEXT;
            required = false;
            choices = null;
            category = null;
        } catch (InvalidInputException invalid) {
            FacesProblems.show(invalid, Map.of("key", "field:key", "name", "field:name", "type", "field:type",
                    "choices", "field:choices", "category", "field:category"));
        } catch (NotFoundException gone) {
            FacesProblems.general("sapphire.form.not-found");
        }
    }

    public List<CustomField> getFields() {
        return fields;
    }

    public List<ExpenseCategory> getCategories() {
        return categories;
    }

    public CustomField.Type[] getTypes() {
        return CustomField.Type.values();
    }

    public CustomField.Type getType() {
        return type;
    }

    public void setType(CustomField.Type type) {
        this.type = type;
    }

    public boolean isRequired() {
        return required;
    }

    public void setRequired(boolean required) {
        this.required = required;
    }

    public String getChoices() {
        return choices;
    }

    public void setChoices(String choices) {
        this.choices = choices;
    }

    public UUID getCategory() {
        return category;
    }

    public void setCategory(UUID category) {
        this.category = category;
    }

    /** The lists this view shows, read again after the session came from another server (docs/SCALING.md). */
    @Override
    public void reread() {
        lookups();
    }
}
