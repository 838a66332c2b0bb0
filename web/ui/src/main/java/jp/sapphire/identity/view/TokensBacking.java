package jp.sapphire.identity.view;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.util.List;
import java.util.UUID;
import jp.sapphire.identity.boundary.ApiTokens;
import jp.sapphire.identity.entity.ApiToken;
import jp.sapphire.platform.control.Refusal;
import jp.sapphire.platform.view.FacesProblems;
import jp.sapphire.platform.view.ReadAgainAfterMove;
import jp.sapphire.platform.view.Rereads;

/** {@code /app/tokens.xhtml}: the member's personal API tokens. */
@Named("tokens")
@ViewScoped
@ReadAgainAfterMove
public class TokensBacking implements Serializable, Rereads {

    private static final long serialVersionUID = 1L;

    @EJB
    ApiTokens apiTokens;

    @NotBlank(message = "{sapphire.token.name.required}")
    @Size(max = 100, message = "{sapphire.token.name.size}")
    private String name;

    @NotNull(message = "{sapphire.token.days.range}")
    @Min(value = 1, message = "{sapphire.token.days.range}")
    @Max(value = ApiTokens.MAX_DAYS, message = "{sapphire.token.days.range}")
    private Integer days = 30;

    /** The token just created; shown on this page once and kept nowhere. */
    private String issued;
    private transient List<ApiToken> list;

    /** The member's tokens, read once for the view and again after each change. */
    @PostConstruct
    void load() {
        list = apiTokens.mine();
    }

    public void create() {
        try {
            issued = apiTokens.create(name, days).jwt();
            name = null;
            load();
        } catch (Refusal refused) {
            FacesProblems.show(refused);
        }
    }

    public void revoke(UUID id) {
        apiTokens.revoke(id);
        issued = null;
        load();
    }

    public List<ApiToken> getList() {
        return list;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Integer getDays() {
        return days;
    }

    public void setDays(Integer days) {
        this.days = days;
    }

    public String getIssued() {
        return issued;
    }

    /** The lists this view shows, read again after the session came from another server (docs/SCALING.md). */
    @Override
    public void reread() {
        load();
    }
}
