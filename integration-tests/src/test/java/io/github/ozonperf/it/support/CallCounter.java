package io.github.ozonperf.it.support;

import java.io.IOException;
import java.util.concurrent.atomic.LongAdder;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * An application interceptor installed on the base OkHttpClient a scenario hands to the SDK: counts the API calls
 * the SDK makes (one per logical call, before the SDK's own retry and auth layers), so the success metrics can
 * compare token requests with API calls on both targets.
 */
public final class CallCounter implements Interceptor {
  private final LongAdder calls = new LongAdder();

  @Override
  public Response intercept(Chain chain) throws IOException {
    calls.increment();
    return chain.proceed(chain.request());
  }

  /** Calls seen so far. */
  public long calls() {
    return calls.sum();
  }
}
