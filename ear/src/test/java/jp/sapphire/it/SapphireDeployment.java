package jp.sapphire.it;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import jp.sapphire.it.clock.TestClock;
import org.assertj.core.api.Assertions;
import org.jboss.arquillian.container.test.api.Testable;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.Filter;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Test deployments built from the EAR this module has just packaged, so every test runs against
 * the artefact that ships.
 */
public final class SapphireDeployment {

    /** Only annotated beans: the test module also holds client-side helpers that are no beans. */
    private static final String ANNOTATED_BEANS = "<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"4.0\""
            + " bean-discovery-mode=\"annotated\"/>";
    /** The test module is reached where the application is: the customer endpoint's virtual host. */
    private static final String CUSTOMER_HOST = "<web-bnd xmlns=\"http://websphere.ibm.com/xml/ns/javaee\" version=\"1.2\">"
            + "<virtual-host name=\"customer_host\"/></web-bnd>";

    private SapphireDeployment() {
    }

    /** The EAR exactly as built. */
    public static EnterpriseArchive application() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(property("sapphire.ear")));
    }

    /**
     * The EAR plus a test module holding this module's test classes (by package, as compiled
     * here: never the production classes the test class path also contains), AssertJ, and the
     * production ejb-jar.xml, so enterprise beans of the test module get the same default
     * interceptors as the boundaries; and the test clock as a library every module sees, in place
     * of the product's clock.
     */
    public static EnterpriseArchive withTests() {
        Path testClasses = Path.of(property("sapphire.test.classes"));
        String clockPackage = TestClock.class.getPackageName();
        WebArchive tests = ShrinkWrap.create(WebArchive.class, "sapphire-tests.war")
                .addPackages(true, compiledIn(testClasses, clockPackage), "jp.sapphire")
                .addAsLibrary(new File(codeSource(Assertions.class)))
                .addAsWebInfResource(new File(property("sapphire.ejb.descriptor")), "ejb-jar.xml")
                .addAsWebInfResource(new StringAsset(ANNOTATED_BEANS), "beans.xml")
                .addAsWebInfResource(new StringAsset(CUSTOMER_HOST), "ibm-web-bnd.xml");
        JavaArchive clock = ShrinkWrap.create(JavaArchive.class, "sapphire-test-clock.jar")
                .addPackage(clockPackage)
                .addAsManifestResource(new StringAsset(ANNOTATED_BEANS), "beans.xml");
        return application().addAsLibrary(clock).addAsModule(Testable.archiveToTest(tests));
    }

    /** Classes compiled in this module, but for the clock's, which go to the library. */
    private static Filter<ArchivePath> compiledIn(Path testClasses, String clockPackage) {
        String clockPath = "/" + clockPackage.replace('.', '/') + "/";
        return path -> !path.get().startsWith(clockPath) && testClasses.resolve(path.get().substring(1)).toFile().isFile();
    }

    private static String codeSource(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException(name + " is not set; run the tests through Maven (failsafe)");
        }
        return value;
    }
}
