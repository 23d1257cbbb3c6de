package org.cascadehub.delivery.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.Set;
import org.cascadehub.directory.OrganisationId;
import org.cascadehub.directory.PersonId;
import org.cascadehub.directory.Role;
import org.cascadehub.directory.Viewer;
import org.cascadehub.platform.InvalidInput;
import org.cascadehub.platform.NotAllowed;
import org.junit.jupiter.api.Test;

/**
 * The stream's own checks. Sign-in already refuses people who are not active members of a vetted
 * organisation (401), so the 403 here is a second line that no HTTP request reaches today.
 */
class StreamControllerTests {

    @Test
    void aPersonWhoseOrganisationIsNotVettedIsRefused() {
        assertThatExceptionOfType(NotAllowed.class)
                .isThrownBy(() -> StreamController.requireMember(viewer(true, false)))
                .withMessageContaining("vetted");
        assertThatExceptionOfType(NotAllowed.class)
                .isThrownBy(() -> StreamController.requireMember(viewer(false, true)));
        StreamController.requireMember(viewer(true, true));
    }

    @Test
    void aLastEventIdIsAWholeNumber() {
        assertThat(StreamController.sequenceNumber("Last-Event-ID", " 42 ")).isEqualTo(42L);
        assertThat(StreamController.sequenceNumber("Last-Event-ID", "0")).isZero();
        assertThat(StreamController.sequenceNumber("Last-Event-ID", "")).isNull();
        assertThat(StreamController.sequenceNumber("Last-Event-ID", null)).isNull();
        for (String bad : new String[] {"-1", "4.5", "abc", "99999999999999999999"}) {
            assertThatExceptionOfType(InvalidInput.class)
                    .isThrownBy(() -> StreamController.sequenceNumber("lastEventId", bad))
                    .satisfies(e -> assertThat(e.problems().getFirst().field()).isEqualTo("lastEventId"));
        }
    }

    private static Viewer viewer(boolean active, boolean vetted) {
        return new Viewer(PersonId.random(), OrganisationId.random(), Set.of(Role.MEMBER), Set.of(), active, vetted);
    }
}
