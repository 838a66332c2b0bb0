package jp.sapphire.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import jp.sapphire.it.Browser;
import jp.sapphire.it.OperatorJmx;
import jp.sapphire.it.SapphireDeployment;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** MicroProfile Health as a monitoring system (whitepaper §6) polls it: over HTTPS, on the management endpoint only. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HealthIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return SapphireDeployment.application();
    }

    @Test
    void readyOnceTheSchemaIsMigratedAndTheDatabaseAnswers() {
        HttpResponse<String> ready = new Browser().get(OperatorJmx.MANAGEMENT + "/health/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body())
                .contains("\"status\":\"UP\"")
                .contains("\"name\":\"database\"")
                .containsPattern("\"schema\":\"\\d+\"");
    }

    @Test
    void liveAndStarted() {
        for (String probe : new String[] {"/health/live", "/health/started"}) {
            HttpResponse<String> response = new Browser().get(OperatorJmx.MANAGEMENT + probe);
            assertThat(response.statusCode()).as(probe).isEqualTo(200);
            assertThat(response.body()).as(probe).contains("\"status\":\"UP\"");
        }
    }

    @Test
    void theCustomersPortHasNoHealthChecksNorOpenApiDocument() {
        for (String path : new String[] {"/health", "/health/ready", "/health/live", "/openapi"}) {
            assertThat(new Browser().get(Browser.SECURE + path).statusCode()).as(path).isEqualTo(404);
        }
    }
}
