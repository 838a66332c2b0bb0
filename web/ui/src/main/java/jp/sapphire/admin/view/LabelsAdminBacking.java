package jp.sapphire.admin.view;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import jp.sapphire.admin.boundary.FormConfiguration;
import jp.sapphire.expense.entity.LabelDefinition;
import jp.sapphire.platform.control.InvalidInputException;
import jp.sapphire.platform.control.NotFoundException;
import jp.sapphire.platform.view.FacesProblems;
import jp.sapphire.platform.view.ReadAgainAfterMove;
import jp.sapphire.platform.view.Rereads;

/** {@code /app/admin/labels.xhtml[?id=]}: the labels of reports (key, name, allowed values), defined and changed. */
@Named("labelsAdmin")
@ViewScoped
@ReadAgainAfterMove
public class LabelsAdminBacking extends DefinitionFormBacking implements Rereads {

    private static final long serialVersionUID = 1L;

    @EJB
    FormConfiguration configuration;

    private String allowedValues;
    private transient List<LabelDefinition> labels;

    /** The labels listed, read once for the view. */
    @PostConstruct
    void lookups() {
        labels = configuration.labels();
    }

    @Override
    public void load() {
        if (getId() == null) {
            return;
        }
        labels.stream().filter(label -> label.getId().equals(getId())).findFirst().ifPresentOrElse(label -> {
            setKey(label.getKey());
            setName(label.getName());
            allowedValues = String.join("\n", label.getAllowedValues());
        }, () -> setId(null));
    }

    public void save() {
        try {
            LabelDefinition saved = configuration.saveLabel(getId(),
                    new FormConfiguration.LabelInput(getKey(), getName(), allowedValues));
            FacesProblems.confirm("admin.labels.saved", saved.getName());
            labels = configuration.labels();
            clear();
            allowedValues = null;
        } catch (InvalidInputException invalid) {
            FacesProblems.show(invalid, Map.of("key", "label:key", "name", "label:name", "allowedValues", "label:allowedValues"));
        } catch (NotFoundException gone) {
            FacesProblems.general("sapphire.form.not-found");
        }
    }

    public List<LabelDefinition> getLabels() {
        return labels;
    }

    public String getAllowedValues() {
        return allowedValues;
    }

    public void setAllowedValues(String allowedValues) {
        this.allowedValues = allowedValues;
    }

    /** The lists this view shows, read again after the session came from another server (docs/SCALING.md). */
    @Override
    public void reread() {
        lookups();
    }
}
