package jp.sapphire.admin.view;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.sapphire.admin.boundary.TenantAdministration;
import jp.sapphire.identity.boundary.PrivilegedAccountNotEnabledException;
import jp.sapphire.identity.entity.Role;
import jp.sapphire.identity.entity.RoleBinding;
import jp.sapphire.platform.control.InvalidInputException;
import jp.sapphire.platform.control.NotFoundException;
import jp.sapphire.platform.control.Refusal;
import jp.sapphire.platform.view.FacesProblems;
import jp.sapphire.platform.view.ReadAgainAfterMove;
import jp.sapphire.platform.view.Rereads;

/** {@code /app/admin/roles.xhtml}: the tenant's role bindings to IdP users and groups, granted and revoked. */
@Named("rolesAdmin")
@ViewScoped
@ReadAgainAfterMove
public class RolesAdminBacking implements Serializable, Rereads {

    private static final long serialVersionUID = 1L;
    private static final String FORM = "grant:";

    @EJB
    TenantAdministration administration;

    private Role role;
    private RoleBinding.Kind kind = RoleBinding.Kind.SUBJECT;
    private String value;
    private UUID binding;
    private transient List<RoleBinding> bindings;

    /** The bindings listed, read once for the view and again after each change. */
    @PostConstruct
    void load() {
        bindings = administration.roleBindings();
    }

    public void grant() {
        try {
            administration.grant(role, kind, value);
            FacesContext faces = FacesContext.getCurrentInstance();
            FacesProblems.confirm("admin.roles.granted",
                    faces.getApplication().getResourceBundle(faces, "msg").getString("role." + role.name()), value.strip());
            value = null;
            load();
        } catch (InvalidInputException invalid) {
            FacesProblems.show(invalid, Map.of("role", FORM + "role", "kind", FORM + "kind", "value", FORM + "value"));
        } catch (PrivilegedAccountNotEnabledException notEnabled) {
            FacesProblems.general("sapphire.admin.binding.privileged-not-enabled");
        }
    }

    public void revoke() {
        try {
            administration.revoke(binding);
            FacesProblems.confirm("admin.roles.revoked");
            binding = null;
            load();
        } catch (NotFoundException gone) {
            FacesProblems.general("sapphire.admin.binding.not-found");
        } catch (Refusal refusal) {
            FacesProblems.show(refusal);
        }
    }

    public List<RoleBinding> getBindings() {
        return bindings;
    }

    public Role[] getRoles() {
        return Role.values();
    }

    public RoleBinding.Kind[] getKinds() {
        return RoleBinding.Kind.values();
    }

    public Role getRole() {
        return role;
    }

    public void setRole(Role role) {
        this.role = role;
    }

    public RoleBinding.Kind getKind() {
        return kind;
    }

    public void setKind(RoleBinding.Kind kind) {
        this.kind = kind;
    }

    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }

    public UUID getBinding() {
        return binding;
    }

    public void setBinding(UUID binding) {
        this.binding = binding;
    }

    /** The lists this view shows, read again after the session came from another server (docs/SCALING.md). */
    @Override
    public void reread() {
        load();
    }
}
