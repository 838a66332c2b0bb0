package jp.sapphire.approval.view;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.sapphire.approval.boundary.Delegations;
import jp.sapphire.approval.entity.ApprovalDelegation;
import jp.sapphire.identity.boundary.Members;
import jp.sapphire.identity.entity.Member;
import jp.sapphire.identity.view.CurrentMember;
import jp.sapphire.platform.control.InvalidInputException;
import jp.sapphire.platform.control.NotFoundException;
import jp.sapphire.platform.control.Refusal;
import jp.sapphire.platform.view.FacesProblems;
import jp.sapphire.platform.view.ReadAgainAfterMove;
import jp.sapphire.platform.view.Rereads;

/** {@code /app/delegations.xhtml}: who acts for the member (代理承認) and for whom the member acts. */
@Named("delegationsPage")
@ViewScoped
@ReadAgainAfterMove
public class DelegationsBacking implements Serializable, Rereads {

    private static final long serialVersionUID = 1L;
    private static final String FORM = "delegate:";

    @EJB
    Delegations delegations;

    @EJB
    Members members;

    @Inject
    CurrentMember member;

    private UUID deputyId;
    private LocalDate validFrom;
    private LocalDate validTo;

    private transient Map<UUID, Member> people;
    private transient List<ApprovalDelegation> mine;
    private transient List<ApprovalDelegation> toMe;

    /** The delegations both ways and the people they name, read once for the view. */
    @PostConstruct
    void load() {
        people = members.active().stream().collect(Collectors.toMap(Member::getId, Function.identity()));
        mine = delegations.mine();
        toMe = delegations.toMe();
    }

    public void delegate() {
        try {
            delegations.delegate(deputyId, validFrom, validTo);
            FacesProblems.confirm("delegations.saved");
            deputyId = null;
            validFrom = null;
            validTo = null;
            mine = delegations.mine();
        } catch (InvalidInputException invalid) {
            FacesProblems.show(invalid, Map.of("deputyId", FORM + "deputyId", "validFrom", FORM + "validFrom",
                    "validTo", FORM + "validTo"));
        } catch (Refusal refused) {
            FacesProblems.show(refused);
        }
    }

    public void revoke(UUID id) {
        try {
            delegations.revoke(id);
            FacesProblems.confirm("delegations.revoked");
            mine = delegations.mine();
        } catch (NotFoundException gone) {
            FacesProblems.general("sapphire.delegation.not-found");
        } catch (Refusal refused) {
            FacesProblems.show(refused);
        }
    }

    public List<ApprovalDelegation> getMine() {
        return mine;
    }

    public List<ApprovalDelegation> getToMe() {
        return toMe;
    }

    /** Everyone the member may name as deputy: the active members but themselves. */
    public List<Member> getCandidates() {
        return people.values().stream()
                .filter(candidate -> !candidate.getId().equals(member.getPrincipal().memberId()))
                .sorted((a, b) -> a.getDisplayName().compareTo(b.getDisplayName()))
                .toList();
    }

    public String name(UUID id) {
        Member found = people.get(id);
        return found == null ? "" : found.getDisplayName();
    }

    public UUID getDeputyId() {
        return deputyId;
    }

    public void setDeputyId(UUID deputyId) {
        this.deputyId = deputyId;
    }

    public LocalDate getValidFrom() {
        return validFrom;
    }

    public void setValidFrom(LocalDate validFrom) {
        this.validFrom = validFrom;
    }

    public LocalDate getValidTo() {
        return validTo;
    }

    public void setValidTo(LocalDate validTo) {
        this.validTo = validTo;
    }

    /** The lists this view shows, read again after the session came from another server (docs/SCALING.md). */
    @Override
    public void reread() {
        load();
    }
}
