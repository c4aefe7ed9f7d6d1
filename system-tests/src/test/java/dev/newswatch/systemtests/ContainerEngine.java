package dev.newswatch.systemtests;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/**
 * Runs a test class only where a container engine answers (Docker's API: a Docker daemon, or podman's socket that
 * {@code .ci/containers start} serves); elsewhere the class is skipped with a message saying so. In CI (CI=true)
 * nothing is skipped: a missing engine fails the tests, because CI must run them. Public for the fault suite's
 * package.
 */
public final class ContainerEngine implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            return ConditionEvaluationResult.enabled("CI runs every container test");
        }
        if (DockerClientFactory.instance().isDockerAvailable()) {
            return ConditionEvaluationResult.enabled("a container engine answers");
        }
        String reason = "SKIPPED " + context.getDisplayName() + ": no container engine answers (DOCKER_HOST="
                + System.getenv("DOCKER_HOST") + "). Run `.ci/containers`, or `.ci/containers start` and"
                + " `. target/containers/env` before ./mvnw verify.";
        System.err.println(reason);
        return ConditionEvaluationResult.disabled(reason);
    }
}
