package org.cascadehub.delivery.live;

import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import org.cascadehub.directory.DirectoryEvents.OrganisationSuspended;
import org.cascadehub.directory.DirectoryEvents.PersonErased;
import org.cascadehub.directory.DirectoryEvents.PersonSuspended;
import org.cascadehub.directory.PersonId;
import org.cascadehub.platform.SignedIn;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Ends streams when their access ends: the person is suspended or erased, their organisation is
 * suspended, or the session a stream was opened with ends (signing out, expiry). A stream is
 * checked once, when it opens; without this it would outlive the access it was opened with.
 */
@Component
class LiveAccessListener implements HttpSessionListener {

    private final LiveGateway gateway;

    LiveAccessListener(LiveGateway gateway) {
        this.gateway = gateway;
    }

    @ApplicationModuleListener
    void on(PersonSuspended suspended) {
        gateway.closePerson(suspended.personId());
    }

    @ApplicationModuleListener
    void on(PersonErased erased) {
        gateway.closePerson(erased.personId());
    }

    @ApplicationModuleListener
    void on(OrganisationSuspended suspended) {
        gateway.closeOrganisation(suspended.organisationId());
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        Object context =
                event.getSession().getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        if (context instanceof SecurityContext security
                && security.getAuthentication() != null
                && security.getAuthentication().getPrincipal() instanceof SignedIn person) {
            gateway.closeSession(
                    new PersonId(person.personId()), event.getSession().getId());
        }
    }
}
