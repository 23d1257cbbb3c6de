package org.cascadehub.directory.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.cascadehub.CascadeTest;
import org.cascadehub.directory.OrganisationStatus;
import org.cascadehub.directory.Organisations;
import org.cascadehub.directory.Sectors;
import org.cascadehub.directory.SharingGroups;
import org.cascadehub.support.PageHtml;
import org.cascadehub.support.TestHttp;
import org.cascadehub.support.TestHttp.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Sectors and sharing groups, which only administrators change.
 */
@CascadeTest
class ReferenceFormTests {

    @Autowired
    Organisations organisations;

    @Autowired
    Sectors sectors;

    @Autowired
    SharingGroups sharingGroups;

    Pages pages;

    @BeforeEach
    void setUp(@Autowired ApplicationContext context) {
        pages = Pages.of(context);
    }

    @Test
    void administratorsAddAndRetireSectorsAndMakeSharingGroups() {
        TestHttp admin = pages.as("admin@demo.test");
        admin.get("/directory/sectors");
        Response duplicate = admin.postForm("/directory/sectors", Map.of("name", "retail"));
        assertThat(duplicate.status()).isEqualTo(200);
        assertThat(PageHtml.inlineError(duplicate.body(), "name")).contains("already a sector");
        assertThat(PageHtml.inputValue(duplicate.body(), "name")).isEqualTo("retail");

        String unique = UUID.randomUUID().toString().substring(0, 6);
        assertThat(admin.postForm("/directory/sectors", Map.of("name", "Markets " + unique))
                        .status())
                .isEqualTo(302);
        String code = "markets-" + unique;
        admin.get("/directory/sectors/" + code + "/edit");
        assertThat(admin.postForm("/directory/sectors/" + code + "/edit", Map.of("name", "Street markets " + unique))
                        .status())
                .isEqualTo(302);
        assertThat(sectors.all()).anySatisfy(s -> {
            assertThat(s.code()).isEqualTo(code);
            assertThat(s.name()).isEqualTo("Street markets " + unique);
            assertThat(s.active()).isFalse();
        });

        Pages.Member member = pages.freshOrganisation(OrganisationStatus.VETTED, "retail");
        Pages.Member applied = pages.freshOrganisation(OrganisationStatus.APPLIED, "retail");
        assertThat(admin.get("/directory/sharing-groups/new").body())
                .as("only vetted organisations are offered as members")
                .contains("value=\"" + member.organisation() + "\"")
                .doesNotContain("value=\"" + applied.organisation() + "\"");
        Response noName = admin.postForm(
                "/directory/sharing-groups/new",
                Map.of("name", "", "members", member.organisation().toString()));
        assertThat(PageHtml.summaryLinks(noName.body())).containsOnlyKeys("#name");
        assertThat(noName.body()).contains("value=\"" + member.organisation() + "\" checked");

        String group = "Strand BCRP " + unique;
        assertThat(admin.postForm(
                                "/directory/sharing-groups/new",
                                Map.of(
                                        "name",
                                        group,
                                        "members",
                                        member.organisation().toString()))
                        .status())
                .isEqualTo(302);
        assertThat(admin.get("/directory/sharing-groups").body())
                .contains(group)
                .contains(member.organisationName());
        assertThat(pages.as("guard@demo.test")
                        .get("/directory/organisations/" + member.organisation())
                        .body())
                .contains(group);

        var created = sharingGroups.all().stream()
                .filter(g -> g.name().equals(group))
                .findFirst()
                .orElseThrow();
        String edit = "/directory/sharing-groups/" + created.id() + "/edit";
        assertThat(admin.get(edit).body()).contains("value=\"" + member.organisation() + "\" checked");
        assertThat(admin.postForm(edit, Map.of("name", group + " (closed)", "description", "No longer used"))
                        .status())
                .isEqualTo(302);
        assertThat(sharingGroups.find(created.id()).orElseThrow().members()).isEmpty();
        assertThat(sharingGroups.find(created.id()).orElseThrow().name()).isEqualTo(group + " (closed)");
    }
}
