package io.github.ozonperf.mcp.internal;

/** Bounded text for logs and answers: a bad input may be megabytes long. */
final class ErrorText {
  static final int MAX = 200;

  private ErrorText() {
  }

  /** At most {@link #MAX} characters of {@code text}, with an ellipsis when cut; "null" for null. */
  static String bounded(String text) {
    if (text == null) {
      return "null";
    }
    return text.length() <= MAX ? text : text.substring(0, MAX) + "…";
  }
}
