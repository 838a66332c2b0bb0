package jp.sapphire.identity.view;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.io.IOException;
import java.util.Locale;

/** The tenant chooser at {@code /}: a member enters their company code and is sent to its sign-in. */
@Named("chooser")
@RequestScoped
public class ChooserBacking {

    @NotBlank(message = "{sapphire.chooser.slug.required}")
    @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,62}", message = "{sapphire.chooser.slug.format}")
    private String slug;

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug == null ? null : slug.strip().toLowerCase(Locale.ROOT);
    }

    public void go() throws IOException {
        var external = FacesContext.getCurrentInstance().getExternalContext();
        external.redirect(external.getRequestContextPath() + "/t/" + slug + "/");
    }
}
