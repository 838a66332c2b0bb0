package jp.sapphire.defence.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The rule for outbound requests as this server is configured (sapphire.outbound.*). */
@ApplicationScoped
public class OutboundPolicy {

    @Inject
    @ConfigProperty(name = "sapphire.outbound.allow-private-addresses")
    boolean allowPrivate;

    /** Host names, comma-separated; none unless set. */
    @Inject
    @ConfigProperty(name = "sapphire.outbound.allowed-hosts")
    Optional<String> allowedHosts;

    @Produces
    public OutboundUrls outboundUrls() {
        return new OutboundUrls(allowPrivate, Arrays.stream(allowedHosts.orElse("").split(",")).map(String::strip)
                .filter(host -> !host.isEmpty()).collect(Collectors.toSet()));
    }
}
