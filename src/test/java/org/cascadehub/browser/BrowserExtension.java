package org.cascadehub.browser;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/** Skips browser tests where no browser is installed, and gives each test method a fresh one. */
final class BrowserExtension implements ExecutionCondition, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Browser.class);

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String missing = Browser.missingExecutables();
        if (missing.isEmpty()) {
            return ConditionEvaluationResult.enabled("Chromium and chromedriver are installed");
        }
        if (Browser.onCi()) {
            // Run anyway: starting the browser fails the test with what to install.
            return ConditionEvaluationResult.enabled("CI=true, so missing Chromium must fail the build");
        }
        String reason = Browser.skipMessage(missing);
        if (context.getTestMethod().isEmpty()) {
            // Surefire shows skip reasons only in its reports; say it where a developer looks.
            System.err.println(context.getDisplayName() + ": " + reason);
        }
        return ConditionEvaluationResult.disabled(reason);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Browser.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        int port = SpringExtension.getApplicationContext(context)
                .getEnvironment()
                .getRequiredProperty("local.server.port", Integer.class);
        Browser browser = Browser.start(port);
        // The store closes what it holds, AutoCloseable included, when the test method ends.
        context.getStore(NAMESPACE).put(parameter.getParameter(), browser);
        return browser;
    }
}
