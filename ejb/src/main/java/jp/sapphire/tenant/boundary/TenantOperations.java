package jp.sapphire.tenant.boundary;

import static jp.sapphire.operations.control.OperatorMBeans.OPERATOR;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import javax.management.OperationsException;
import jp.sapphire.operations.control.OperatorConsole;
import jp.sapphire.operations.control.OperatorMBeans;

/** Registers {@link TenantOperationsMBean} while the application runs; every call goes to {@link TenantDeletions}. */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class TenantOperations extends OperatorConsole<TenantOperationsMBean> implements TenantOperationsMBean {

    public static final String NAME = "jp.sapphire:type=Tenants";

    @EJB
    TenantDeletions deletions;

    public TenantOperations() {
        super(TenantOperationsMBean.class, NAME);
    }

    @Override
    public String[] listDeletions() throws OperationsException {
        return OperatorMBeans.answer(() -> deletions.list().toArray(String[]::new));
    }

    @Override
    public String deleteTenant(String tenantSlug) throws OperationsException {
        return OperatorMBeans.answer(() -> deletions.execute(OPERATOR, tenantSlug));
    }

    @Override
    public String deleteDue() throws OperationsException {
        return OperatorMBeans.answer(() -> "deleted: " + deletions.executeDue(OPERATOR));
    }
}
