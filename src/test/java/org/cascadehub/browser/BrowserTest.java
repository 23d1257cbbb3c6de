package org.cascadehub.browser;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A browser journey: use beside {@code @CascadeTest} and take a {@link Browser} parameter in each
 * test method, opened on the application's port and closed after the method.
 *
 * <p>Without Chromium and chromedriver the tests are skipped with a message saying what to
 * install; with {@code CI=true} they run and fail instead, since CI must run them. Tagged {@code
 * browser}, so {@code -DexcludedGroups=browser} leaves them out.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("browser")
@ExtendWith(BrowserExtension.class)
public @interface BrowserTest {}
