package io.github.ozonperf.mcp.tools;

import com.google.gson.reflect.TypeToken;
import io.github.ozonperf.client.OzonPerformanceClient;

/**
 * A typed call of one API operation through the facade's generated {@code *Api} object; the {@code *Invokers}
 * classes generated from the spec (src/main/openapi-tools/templates/api.mustache) register one per operation.
 */
@FunctionalInterface
interface OperationInvoker {
  /**
   * Calls the operation.
   *
   * @param client the facade (auth, retries, the 429 cool-down and error mapping)
   * @param args   the checked arguments, converted to the generated method's parameter types
   * @return the generated method's answer; null for an operation without one
   */
  Object invoke(OzonPerformanceClient client, Arguments args);

  /** The arguments of one call, by the spec's parameter name ("body" for the request body). */
  interface Arguments {
    /** The argument converted to {@code type} with the client's model JSON rules; null when absent. */
    <T> T get(String name, TypeToken<T> type);
  }
}
