package jp.sapphire.admin.view;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import jp.sapphire.admin.boundary.Masters;
import jp.sapphire.admin.boundary.TenantAdministration;
import jp.sapphire.identity.entity.Member;
import jp.sapphire.organization.entity.Department;
import jp.sapphire.platform.control.InvalidInputException;
import jp.sapphire.platform.control.NotFoundException;
import jp.sapphire.platform.control.Refusal;
import jp.sapphire.platform.view.FacesProblems;
import jp.sapphire.platform.view.ReadAgainAfterMove;
import jp.sapphire.platform.view.Rereads;

/**
 * {@code /app/admin/member.xhtml?id=}: one member: department, time zone and language set, deactivated
 * or reactivated by a tenant administrator.
 */
@Named("memberAdmin")
@ViewScoped
@ReadAgainAfterMove
public class MemberAdminBacking implements Serializable, Rereads {

    private static final long serialVersionUID = 1L;
    /** The zones offered: every region-based zone the JVM knows, by name. */
    private static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream()
            .filter(zone -> zone.contains("/") && !zone.startsWith("Etc/") && !zone.startsWith("SystemV/")).sorted().toList();

    @EJB
    TenantAdministration administration;

    @EJB
    Masters masters;

    private UUID id;
    private transient Member member;
    private transient List<Department> departments;
    private String managerName;
    private UUID department;
    private String zone;
    private String language;

    /** f:viewAction: the member named by {@code id}, and the departments offered. */
    public void load() {
        departments = masters.departments();
        show(find());
        if (member != null && zone == null) {
            department = member.getDepartmentId();
            zone = member.getTimeZone().getId();
            language = member.getLocale().toLanguageTag();
        }
    }

    private Member find() {
        try {
            return id == null ? null : administration.member(id);
        } catch (NotFoundException gone) {
            return null;
        }
    }

    /** Shows the member as saved, with the manager (所属長) of their department as saved. */
    private void show(Member saved) {
        member = saved;
        managerName = member == null || member.getDepartmentId() == null ? null
                : departments.stream().filter(d -> d.getId().equals(member.getDepartmentId())).findFirst()
                        .map(Department::getManagerId).map(manager -> administration.member(manager).getDisplayName())
                        .orElse(null);
    }

    /** Saves the member's department, time zone and language. */
    public void save() {
        try {
            show(administration.changeProfile(id, department, zone, language));
            FacesProblems.confirm("admin.member.saved", member.getDisplayName());
        } catch (InvalidInputException invalid) {
            FacesProblems.show(invalid, Map.of("department", "profile:department", "zone", "profile:zone",
                    "language", "profile:language"));
        } catch (Refusal refusal) {
            FacesProblems.show(refusal);
        }
    }

    public List<Department> getDepartments() {
        return departments;
    }

    /** The manager of the member's department, if it has one. */
    public String getManagerName() {
        return managerName;
    }

    public List<String> getZones() {
        return ZONES;
    }

    public List<String> getLanguages() {
        return TenantAdministration.LANGUAGES;
    }

    public UUID getDepartment() {
        return department;
    }

    public void setDepartment(UUID department) {
        this.department = department;
    }

    public String getZone() {
        return zone;
    }

    public void setZone(String zone) {
        this.zone = zone;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    public void deactivate() {
        change(() -> administration.deactivate(id), "admin.member.deactivated");
    }

    public void reactivate() {
        change(() -> administration.reactivate(id), "admin.member.reactivated");
    }

    private void change(Supplier<Member> action, String done) {
        try {
            show(action.get());
            FacesProblems.confirm(done, member.getDisplayName());
        } catch (Refusal refusal) {
            FacesProblems.show(refusal);
            show(find());
        }
    }

    public Member getMember() {
        return member;
    }

    public UUID getId() {
        return id;
    }

    public void setId(UUID id) {
        this.id = id;
    }

    /** The lists this view shows, read again after the session came from another server (docs/SCALING.md). */
    @Override
    public void reread() {
        departments = masters.departments();
        show(find());
    }
}
