package io.github.ozonperf.client;

import com.google.gson.Gson;
import io.github.ozonperf.client.internal.ModelJson;

/**
 * The JSON binding of the client's models ({@code io.github.ozonperf.client.model}), for code that reads or writes
 * those models as JSON itself: tools that show a request before sending it, tests, logs.
 *
 * <p>It is the same binding the client uses on the wire: fields by their Ozon names (wire aliases such as
 * {@code PaymentType} included), unknown fields kept in {@code getAdditionalProperties()}, enums open (a value Ozon
 * adds later is kept as sent), ids and amounts as the strings Ozon sends, ISO dates and timestamps.
 *
 * <pre>{@code
 * String body = OzonJson.gson().toJson(request);                       // exactly what a call would send
 * Campaign c = OzonJson.gson().fromJson(json, Campaign.class);         // as the client would read it
 * }</pre>
 *
 * <p>Use this rather than the generated {@code io.github.ozonperf.client.invoker.JSON}, which is not API.
 */
public final class OzonJson {
  private OzonJson() {
  }

  /**
   * The Gson that binds the generated models.
   *
   * @return a shared, thread-safe, immutable Gson instance
   */
  public static Gson gson() {
    return ModelJson.gson();
  }
}
