package org.cascadehub.platform.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import org.cascadehub.platform.ProblemResponses;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Honours {@code Idempotency-Key} on every API POST: the first complete response to a key (per
 * caller) is kept for a day and replayed, marked {@code Idempotent-Replayed: true}, to retries of
 * the same request; the same key with a different request is refused (422), and a retry while the
 * first is still running is told so (409). Server errors are not kept, so they can be retried.
 * Runs after security, so keys are scoped to the authenticated caller.
 */
@Component
@Order(10)
class IdempotencyKeys extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    private static final Duration KEPT = Duration.ofHours(24);

    private final JdbcClient jdbc;
    private final ProblemResponses problems;
    private final Clock clock;

    // Lazy: the servlet container builds filters before the database is known to be reachable, and a
    // start-up without a database must fail in the database's own words, not in a filter's.
    IdempotencyKeys(@Lazy JdbcClient jdbc, ProblemResponses problems, Clock clock) {
        this.jdbc = jdbc;
        this.problems = problems;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !ProblemResponses.isApi(request)
                || request.getHeader(HEADER) == null;
    }

    private record Kept(
            String requestHash,
            boolean completed,
            @Nullable Integer status,
            @Nullable String contentType,
            @Nullable String location,
            byte @Nullable [] body) {}

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER).trim();
        if (key.isEmpty() || key.length() > 200 || !key.chars().allMatch(c -> c > 32 && c < 127)) {
            problems.write(
                    request,
                    response,
                    HttpStatus.BAD_REQUEST,
                    "The Idempotency-Key header must be 1 to 200 visible ASCII characters, such as a UUID.");
            return;
        }
        HttpServletRequest buffered;
        byte[] content;
        try {
            if (isMultipart(request)) {
                // The container parses and keeps the parts; the request itself stays readable.
                buffered = request;
                content = partsOf(request);
            } else {
                BufferedBodyRequest body = new BufferedBodyRequest(request);
                buffered = body;
                content = body.body();
            }
        } catch (LimitedBodyRequest.BodyTooLarge tooLarge) {
            problems.write(request, response, HttpStatus.CONTENT_TOO_LARGE, tooLarge.getMessage());
            return;
        } catch (IllegalStateException | ServletException unreadableUpload) {
            // The container refuses to parse an upload over its multipart limits.
            problems.write(request, response, HttpStatus.CONTENT_TOO_LARGE, ApiErrorResponses.uploadTooLarge());
            return;
        }
        String principal = principal(request);
        String hash = hash(request, content);
        int claimed = jdbc.sql("""
                INSERT INTO idempotent_request (principal, key, request_hash, created_at) VALUES (?, ?, ?, ?)
                ON CONFLICT DO NOTHING
                """)
                .params(principal, key, hash, Timestamp.from(clock.instant()))
                .update();
        if (claimed == 0) {
            answerFromKept(request, response, principal, key, hash);
            return;
        }
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(buffered, recorded);
        } catch (IOException | ServletException | RuntimeException e) {
            forget(principal, key);
            throw e;
        }
        if (recorded.getStatus() >= 500) {
            forget(principal, key);
        } else {
            jdbc.sql("""
                    UPDATE idempotent_request SET completed = TRUE, status = ?, content_type = ?, location = ?, body = ?
                    WHERE principal = ? AND key = ?
                    """)
                    .params(
                            recorded.getStatus(),
                            recorded.getContentType(),
                            recorded.getHeader(HttpHeaders.LOCATION),
                            recorded.getContentAsByteArray(),
                            principal,
                            key)
                    .update();
        }
        recorded.copyBodyToResponse();
    }

    private void answerFromKept(
            HttpServletRequest request, HttpServletResponse response, String principal, String key, String hash)
            throws IOException {
        Optional<Kept> kept = jdbc.sql("SELECT * FROM idempotent_request WHERE principal = ? AND key = ?")
                .params(principal, key)
                .query((rs, n) -> new Kept(
                        rs.getString("request_hash"),
                        rs.getBoolean("completed"),
                        (Integer) rs.getObject("status"),
                        rs.getString("content_type"),
                        rs.getString("location"),
                        rs.getBytes("body")))
                .optional();
        if (kept.isEmpty()) {
            problems.write(
                    request,
                    response,
                    HttpStatus.CONFLICT,
                    "A request with this Idempotency-Key failed a moment ago; send it again.");
        } else if (!kept.get().requestHash().equals(hash)) {
            problems.write(
                    request,
                    response,
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "This Idempotency-Key was used for a different request. Use a new key for a new request.");
        } else if (!kept.get().completed()) {
            problems.write(
                    request,
                    response,
                    HttpStatus.CONFLICT,
                    "A request with this Idempotency-Key is still being processed. Try again shortly.");
        } else {
            response.setStatus(kept.get().status());
            response.setHeader("Idempotent-Replayed", "true");
            if (kept.get().contentType() != null) {
                response.setContentType(kept.get().contentType());
            }
            if (kept.get().location() != null) {
                response.setHeader(HttpHeaders.LOCATION, kept.get().location());
            }
            if (kept.get().body() != null) {
                response.getOutputStream().write(kept.get().body());
            }
        }
    }

    private void forget(String principal, String key) {
        jdbc.sql("DELETE FROM idempotent_request WHERE principal = ? AND key = ?")
                .params(principal, key)
                .update();
    }

    @Scheduled(fixedDelayString = "PT1H")
    void forgetOldKeys() {
        jdbc.sql("DELETE FROM idempotent_request WHERE created_at < ?")
                .param(Timestamp.from(clock.instant().minus(KEPT)))
                .update();
    }

    private static boolean isMultipart(HttpServletRequest request) {
        return request.getContentType() != null && request.getContentType().startsWith("multipart/");
    }

    private static byte[] partsOf(HttpServletRequest request) throws IOException, ServletException {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        for (var part : request.getParts()) {
            all.write(part.getName().getBytes(StandardCharsets.UTF_8));
            try (var in = part.getInputStream()) {
                in.transferTo(all);
            }
        }
        return all.toByteArray();
    }

    private static String principal(HttpServletRequest request) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || authentication instanceof AnonymousAuthenticationToken
                ? "anonymous@" + request.getRemoteAddr()
                : authentication.getName();
    }

    private static String hash(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((request.getMethod() + " " + request.getRequestURI() + "?" + request.getQueryString() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            sha.update(body);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
