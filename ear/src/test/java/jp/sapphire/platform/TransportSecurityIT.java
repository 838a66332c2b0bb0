package jp.sapphire.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import jp.sapphire.it.Browser;
import jp.sapphire.it.SapphireDeployment;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Whitepaper §11: data in transit is encrypted; plain HTTP only points the way to HTTPS. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TransportSecurityIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return SapphireDeployment.application();
    }

    @Test
    void plainHttpIsRedirectedToHttpsForTheUiAndTheApi() {
        for (String path : new String[] {"/", "/index.xhtml", "/api/", "/api/v1/anything"}) {
            HttpResponse<String> response = new Browser().get(Browser.PLAIN + path);
            assertThat(response.statusCode()).as(path).isIn(302, 307);
            assertThat(response.headers().firstValue("Location")).as(path)
                    .hasValueSatisfying(location -> assertThat(location).startsWith(Browser.SECURE + "/"));
        }
    }

    @Test
    void theUiIsServedOverHttpsWithoutNamingTheServerSoftware() {
        HttpResponse<String> response = new Browser().get(Browser.SECURE + "/index.xhtml");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("SAPPHIRE");
        assertThat(response.headers().firstValue("Server")).isEmpty();
        assertThat(response.headers().firstValue("X-Powered-By")).isEmpty();
    }
}
