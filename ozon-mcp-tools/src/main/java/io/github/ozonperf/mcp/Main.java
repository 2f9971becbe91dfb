package io.github.ozonperf.mcp;

import io.github.ozonperf.mcp.internal.Cli;

/**
 * Entry point of {@code ozon-mcp-tools.jar}: an MCP stdio server for the Ozon Performance API, plus
 * {@code tools} and {@code call} subcommands for people at a terminal. Run with {@code --help} for usage.
 *
 * <pre>{@code
 * java -jar ozon-mcp-tools.jar call list_campaigns --sandbox   # try it
 * java -jar ozon-mcp-tools.jar                                  # what an MCP host runs
 * }</pre>
 */
public final class Main {
  private Main() {
  }

  /**
   * Runs the command line. In serve mode this returns while the server keeps reading stdin; the process ends
   * when stdin closes. Other commands exit with 0 (success), 1 (the tool failed) or 2 (usage error).
   *
   * @param args the command-line arguments
   */
  public static void main(String[] args) {
    Cli cli = Cli.forMain(System.getenv(), System.in, System.out, System.err, System.console() != null,
        System::exit);
    int code = cli.run(args);
    if (code != Cli.SERVING) {
      System.out.flush();
      System.err.flush();
      System.exit(code);
    }
  }
}
