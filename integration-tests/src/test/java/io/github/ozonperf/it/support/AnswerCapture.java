package io.github.ozonperf.it.support;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.Interceptor;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Keeps the last JSON answer of each API path as Ozon sent it (the models would show our names, such as
 * {@code paymentType}, not the wire's {@code PaymentType}), so that a run can record the live shapes with
 * {@link Recorder}. Token answers are never kept.
 */
public final class AnswerCapture implements Interceptor {
  /** Corpus folder of each path whose answers are recorded. */
  static final Map<String, String> KINDS = Map.of(
      "/api/client/campaign", "campaign-list-json",
      "/api/client/statistics/daily/json", "daily-json",
      "/api/client/statistics/expense/json", "expense-json",
      "/api/client/statistics/campaign/product/json", "campaign-product-json");
  private static final long MAX_BYTES = 4L << 20;

  private final Map<String, String> answers = new LinkedHashMap<>();

  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    String path = chain.request().url().encodedPath();
    ResponseBody body = response.body();
    if (response.isSuccessful() && KINDS.containsKey(path) && body.contentType() != null
        && "json".equals(body.contentType().subtype())) {
      String json = response.peekBody(MAX_BYTES).string();
      synchronized (this) {
        answers.put(path, json);
      }
    }
    return response;
  }

  /** Records every kept answer, anonymised, under its corpus folder. */
  public synchronized void record(Recorder recorder, Target target) {
    answers.forEach((path, json) -> recorder.json(target, KINDS.get(path), "recorded", json));
  }
}
