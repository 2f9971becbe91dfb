package io.github.ozonperf.it.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a scenario once per {@link io.github.ozonperf.it.support.Target}: {@code [SANDBOX]} always, {@code [REAL]}
 * only with credentials (otherwise reported as skipped with the reason). The method takes a {@link TargetEnv}
 * parameter, which is fresh for each invocation and closed after it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@TestTemplate
@ExtendWith(TargetExtension.class)
public @interface OzonTargets {
}
