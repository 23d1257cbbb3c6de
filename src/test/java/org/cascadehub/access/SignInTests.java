package org.cascadehub.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.cascadehub.CascadeTest;
import org.cascadehub.directory.Role;
import org.cascadehub.support.TestPeople;
import org.cascadehub.support.TestPeople.TestPerson;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The sign-in form: outcomes, messages and rate limits, each from its own remote address. */
@CascadeTest
class SignInTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestPeople testPeople;

    @Test
    void theRightPasswordSignsInAndReachesTheDashboard() throws Exception {
        TestPerson person = testPeople.create(Role.MEMBER);
        String address = uniqueAddress();

        MvcResult result = attempt(person.email(), person.password(), address)
                .andExpect(redirectedUrl("/"))
                .andReturn();

        mvc.perform(get("/").session((MockHttpSession) result.getRequest().getSession()))
                .andExpect(status().isOk());
    }

    @Test
    void aWrongPasswordShowsOneMessageThatDoesNotSayWhetherTheAccountExists() throws Exception {
        TestPerson person = testPeople.create(Role.MEMBER);
        String address = uniqueAddress();

        String existing = attempt(person.email(), "not-the-password", address)
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        String unknown = attempt("nobody-" + UUID.randomUUID() + "@example.test", "not-the-password", address)
                .andReturn()
                .getResponse()
                .getRedirectedUrl();

        assertThat(existing).isEqualTo("/sign-in?error=credentials").isEqualTo(unknown);
        String page = mvc.perform(get("/sign-in?error=credentials"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains(SignInController.WRONG_CREDENTIALS.replace("'", "&#39;"));
    }

    @Test
    void afterFiveFailuresEvenTheRightPasswordIsRefusedForAWhile() throws Exception {
        TestPerson person = testPeople.create(Role.MEMBER);
        for (int i = 0; i < 5; i++) {
            attempt(person.email(), "wrong-" + i, uniqueAddress())
                    .andExpect(redirectedUrl("/sign-in?error=credentials"));
        }

        String refused = attempt(person.email(), person.password(), uniqueAddress())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();

        assertThat(refused).isEqualTo("/sign-in?throttled=15");
        String page = mvc.perform(get(refused)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Too many failed attempts to sign in. Wait 15 minutes, then try again.");
    }

    @Test
    void anUnknownAccountIsThrottledExactlyLikeARealOne() throws Exception {
        String nobody = "nobody-" + UUID.randomUUID() + "@example.test";
        for (int i = 0; i < 5; i++) {
            attempt(nobody, "wrong-" + i, uniqueAddress()).andExpect(redirectedUrl("/sign-in?error=credentials"));
        }

        attempt(nobody, "wrong-again", uniqueAddress()).andExpect(redirectedUrl("/sign-in?throttled=15"));
    }

    @Test
    void tooManyFailuresFromOneAddressBlockThatAddressOnly() throws Exception {
        String address = uniqueAddress();
        for (int i = 0; i < 50; i++) { // the address limit set for tests in @CascadeTest
            attempt("someone-" + i + "-" + UUID.randomUUID() + "@example.test", "wrong", address);
        }
        TestPerson person = testPeople.create(Role.MEMBER);

        attempt(person.email(), person.password(), address).andExpect(redirectedUrl("/sign-in?throttled=15"));
        attempt(person.email(), person.password(), uniqueAddress()).andExpect(redirectedUrl("/"));
    }

    @Test
    void signInWithoutTheCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/sign-in").param("email", "guard@demo.test").param("password", "demo-password"))
                .andExpect(status().isForbidden());
    }

    @Test
    void signingInGivesANewSessionId() throws Exception {
        TestPerson person = testPeople.create(Role.MEMBER);
        MockHttpSession session = new MockHttpSession();
        String before = session.getId();

        MvcResult result = mvc.perform(from(
                        uniqueAddress(),
                        post("/sign-in")
                                .session(session)
                                .with(csrf())
                                .param("email", person.email())
                                .param("password", person.password())))
                .andExpect(redirectedUrl("/"))
                .andReturn();

        assertThat(result.getRequest().getSession().getId()).isNotEqualTo(before);
    }

    @Test
    void pagesNeedASignIn() throws Exception {
        mvc.perform(get("/")).andExpect(redirectedUrl("/sign-in"));
        mvc.perform(get("/account/two-factor")).andExpect(redirectedUrl("/sign-in"));
    }

    private org.springframework.test.web.servlet.ResultActions attempt(String email, String password, String address)
            throws Exception {
        return mvc.perform(from(
                address, post("/sign-in").with(csrf()).param("email", email).param("password", password)));
    }

    private static MockHttpServletRequestBuilder from(String address, MockHttpServletRequestBuilder request) {
        return request.with(r -> {
            r.setRemoteAddr(address);
            return r;
        });
    }

    private static String uniqueAddress() {
        var random = java.util.concurrent.ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }
}
