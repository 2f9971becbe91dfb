package io.github.ozonperf.it.support;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

/** Expands an {@link OzonTargets} scenario into a SANDBOX and a REAL invocation. */
final class TargetExtension implements TestTemplateInvocationContextProvider {
  private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(TargetExtension.class);

  @Override
  public boolean supportsTestTemplate(ExtensionContext context) {
    return context.getRequiredTestMethod().isAnnotationPresent(OzonTargets.class);
  }

  @Override
  public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
    return Stream.of(Target.SANDBOX, Target.REAL).map(Invocation::new);
  }

  private record Invocation(Target target) implements TestTemplateInvocationContext {
    @Override
    public String getDisplayName(int invocationIndex) {
      return "[" + target + "]";
    }

    @Override
    public List<Extension> getAdditionalExtensions() {
      return List.of(new Condition(target), new Resolver(target));
    }
  }

  /** Disables REAL without credentials; the reason shows up in the test report as the skip message. */
  private record Condition(Target target) implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      if (target == Target.REAL && !RealApi.configured()) {
        return ConditionEvaluationResult.disabled(RealApi.SKIP_REASON);
      }
      return ConditionEvaluationResult.enabled(target + " target");
    }
  }

  /** Gives each invocation its own {@link TargetEnv}, closed when the invocation ends. */
  private record Resolver(Target target) implements ParameterResolver {
    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
      Class<?> type = parameterContext.getParameter().getType();
      return type == TargetEnv.class || type == Target.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
      if (parameterContext.getParameter().getType() == Target.class) {
        return target;
      }
      return extensionContext.getStore(NS).computeIfAbsent(TargetEnv.class,
          k -> TargetEnv.open(target), TargetEnv.class);
    }
  }
}
