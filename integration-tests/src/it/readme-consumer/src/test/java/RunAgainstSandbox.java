import io.github.ozonperf.sandbox.OzonSandbox;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts the sandbox and runs the README's example (ReadmeExample, generated from README.md) in a JVM of its own,
 * on the runtime class path only, with the sandbox's address and credentials in the environment, as a user would
 * run it. Its stdout and stderr go to target/example.out and target/example.err.
 */
public final class RunAgainstSandbox {
  public static void main(String[] args) throws Exception {
    Path target = Path.of(args[0]);
    String classPath = target.resolve("classes") + File.pathSeparator
        + Files.readString(target.resolve("runtime-classpath.txt")).strip();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    try (OzonSandbox sandbox = OzonSandbox.builder().reportDuration(Duration.ofMillis(300)).start()) {
      ProcessBuilder pb = new ProcessBuilder(java, "-cp", classPath, "ReadmeExample");
      Map<String, String> env = pb.environment();
      env.keySet().removeIf(k -> k.startsWith("OZON_") || k.startsWith("OAUTH_"));
      env.put("OZON_CLIENT_ID", sandbox.clientId());
      env.put("OZON_CLIENT_SECRET", sandbox.clientSecret());
      env.put("OZON_API_URL", sandbox.baseUrl());
      env.put("OZON_TOKEN_URL", sandbox.tokenUrl());
      pb.redirectOutput(target.resolve("example.out").toFile());
      pb.redirectError(target.resolve("example.err").toFile());
      Process p = pb.start();
      if (!p.waitFor(180, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("the README example did not finish within 180 s");
      }
      System.out.println("README example: exit " + p.exitValue() + ", " + sandbox.totalRequests()
          + " sandbox requests");
      if (p.exitValue() != 0) {
        System.out.println(Files.readString(target.resolve("example.err")));
        System.exit(1);
      }
    }
  }
}
