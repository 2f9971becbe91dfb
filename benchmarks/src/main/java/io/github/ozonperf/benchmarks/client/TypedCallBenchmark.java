package io.github.ozonperf.benchmarks.client;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.ozonperf.auth.ClientCredentials;
import io.github.ozonperf.client.OzonPerformanceClient;
import io.github.ozonperf.client.model.CampaignList;
import io.github.ozonperf.sandbox.OzonSandbox;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Throughput of one typed SDK call ({@code campaigns().listCampaigns(...)}: token interceptor, retry/rate-limit
 * interceptor, generated model parsing, error mapping) against the same request made with a bare OkHttp client
 * carrying a static {@code Authorization} header, on the same loopback sandbox in the same run. The goal is a
 * typed/raw ratio of at least 0.9. Two raw baselines: bytes only, and bytes parsed into a Gson tree (what any
 * caller has to do with the answer).
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar TypedCallBenchmark -f 1 -wi 3 -i 5 -w 2s -r 2s
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TypedCallBenchmark {
  private static final List<String> IDS = List.of("4492188", "4529729");

  private OzonSandbox sandbox;
  private OzonPerformanceClient client;
  private OkHttpClient raw;
  private Request rawRequest;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    sandbox = OzonSandbox.builder().start();
    client = OzonPerformanceClient.builder()
        .baseUrl(sandbox.baseUrl())
        .tokenUrl(sandbox.tokenUrl())
        .credentials(ClientCredentials.of(sandbox.clientId(), sandbox.clientSecret()))
        .build();
    raw = new OkHttpClient();
    String body = "{\"client_id\":\"" + sandbox.clientId() + "\",\"client_secret\":\"" + sandbox.clientSecret()
        + "\",\"grant_type\":\"client_credentials\"}";
    String token;
    try (Response r = raw.newCall(new Request.Builder().url(sandbox.tokenUrl())
        .post(RequestBody.create(body, MediaType.get("application/json"))).build()).execute()) {
      token = JsonParser.parseString(r.body().string()).getAsJsonObject().get("access_token").getAsString();
    }
    rawRequest = new Request.Builder()
        .url(sandbox.baseUrl() + "/api/client/campaign?campaignIds=" + IDS.get(0) + "&campaignIds=" + IDS.get(1))
        .header("Authorization", "Bearer " + token)
        .header("Accept", "application/json")
        .build();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    client.close();
    raw.dispatcher().executorService().shutdown();
    raw.connectionPool().evictAll();
    sandbox.close();
  }

  @Benchmark
  public CampaignList typedSdkCall() {
    return client.campaigns().listCampaigns(IDS, null, null, null, null);
  }

  @Benchmark
  public byte[] rawOkHttpBytes() throws IOException {
    try (Response r = raw.newCall(rawRequest).execute()) {
      return r.body().bytes();
    }
  }

  @Benchmark
  public JsonObject rawOkHttpGsonTree() throws IOException {
    try (Response r = raw.newCall(rawRequest).execute()) {
      return JsonParser.parseReader(r.body().charStream()).getAsJsonObject();
    }
  }
}
