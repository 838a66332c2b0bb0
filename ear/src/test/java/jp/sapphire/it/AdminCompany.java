package jp.sapphire.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.sapphire.it.RemoteFixture.RemoteTenant;

/**
 * The company the admin console tests work in: a tenant with the privileged account enabled, an
 * administrator ({@code admin}), an employee ({@code yamada}), an approver ({@code sato}) and an
 * accountant ({@code suzuki}), and one department (100 本社) with yamada and admin in it.
 */
public record AdminCompany(RemoteTenant tenant, Map<String, UUID> members) {

    public static final String ADMIN = Browser.SECURE + "/app/admin/";

    public static AdminCompany create(TestIdp idp) {
        RemoteTenant tenant = RemoteFixture.tenant(idp, "idp-" + UUID.randomUUID(), Map.of("privileged", "true"),
                "EMPLOYEE:SUBJECT:yamada", "EMPLOYEE:SUBJECT:sato", "APPROVER:SUBJECT:sato", "EMPLOYEE:SUBJECT:suzuki",
                "ACCOUNTING:SUBJECT:suzuki", "TENANT_ADMIN:SUBJECT:admin", "EMPLOYEE:SUBJECT:admin");
        Map<String, UUID> members = RemoteFixture.organise(idp, tenant, """
                department 100 本社 - -
                member yamada 100
                member admin 100
                """);
        return new AdminCompany(tenant, members);
    }

    /** The value of the option with this label in a page's select. */
    public static String optionValue(String page, String label) {
        Matcher option = Pattern.compile("<option value=\"([^\"]+)\"[^>]*>" + Pattern.quote(label) + "</option>").matcher(page);
        assertThat(option.find()).as("option " + label).isTrue();
        return option.group(1);
    }
}
