package io.github.ozonperf.client.report;

import java.math.BigDecimal;

/**
 * Lenient parsing of the numbers Ozon writes in reports: {@code "1 110,72"} (space or non-breaking space
 * thousands, decimal comma), {@code "123.45"}, {@code "12,3%"}, {@code "500 ₽"}. Blank values and dashes
 * mean "no value" and give {@code null}.
 */
public final class Numbers {
  private Numbers() {}

  /**
   * Parses a decimal number.
   *
   * @return the value, or {@code null} for a blank value or a dash
   * @throws NumberFormatException when the text is not a number, naming the text
   */
  public static BigDecimal parseDecimal(String text) {
    if (text == null) {
      return null;
    }
    if (isPlainDigits(text, 1000)) {
      return new BigDecimal(text);
    }
    StringBuilder sb = new StringBuilder(text.length());
    int lastComma = -1;
    int lastDot = -1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        sb.append(c);
      } else if (c == ',') {
        lastComma = sb.length();
        sb.append(c);
      } else if (c == '.') {
        lastDot = sb.length();
        sb.append(c);
      } else if (c == '-' || c == '+' || c == '\u2212') {
        sb.append(c == '\u2212' ? '-' : c);
      } else if (c == 'e' || c == 'E') {
        sb.append(c);
      } else if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF' || c == '%'
          || c == '\u20BD' || c == '\'') {
        // separators, BOM, percent and rouble signs carry no value
      } else if (Character.isLetter(c) && sb.length() > 0) {
        // a unit after the number ("руб", "шт")
        break;
      } else {
        throw new NumberFormatException("not a number: \"" + abbreviate(text) + '"');
      }
    }
    String s = sb.toString();
    if (s.isEmpty() || s.equals("-") || s.equals("+")) {
      return null;
    }
    if (lastComma >= 0 && lastDot >= 0) {
      // both present: the later one is the decimal separator, the other groups thousands
      char grouping = lastComma > lastDot ? '.' : ',';
      s = s.replace(String.valueOf(grouping), "").replace(',', '.');
    } else if (lastComma >= 0) {
      if (s.indexOf(',') != s.lastIndexOf(',')) {
        s = s.replace(",", ""); // "1,234,567"
      } else {
        s = s.replace(',', '.');
      }
    } else if (lastDot >= 0 && s.indexOf('.') != s.lastIndexOf('.')) {
      s = s.replace(".", ""); // "1.234.567"
    }
    try {
      return new BigDecimal(s);
    } catch (NumberFormatException e) {
      throw new NumberFormatException("not a number: \"" + abbreviate(text) + '"');
    }
  }

  /**
   * Parses a count such as views or clicks ({@code "1 234"}, {@code "1234,0"}).
   *
   * @return the value, or {@code null} for a blank value or a dash
   * @throws NumberFormatException when the text is not a whole number
   */
  public static Long parseLong(String text) {
    if (text != null && isPlainDigits(text, 18)) {
      return Long.parseLong(text); // the common case, without BigDecimal
    }
    BigDecimal value = parseDecimal(text);
    if (value == null) {
      return null;
    }
    try {
      return value.stripTrailingZeros().longValueExact();
    } catch (ArithmeticException e) {
      throw new NumberFormatException("not a whole number: \"" + abbreviate(text) + '"');
    }
  }

  /**
   * Parses a percentage as written ({@code "12,3%"} and {@code "12,3"} both give {@code 12.3}).
   *
   * @return the value in percent, or {@code null} for a blank value or a dash
   */
  public static BigDecimal parsePercent(String text) {
    return parseDecimal(text);
  }

  /** Like {@link #parseDecimal} but gives {@code null} instead of throwing for text that is not a number. */
  public static BigDecimal tryParseDecimal(String text) {
    try {
      return parseDecimal(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Like {@link #parseLong} but gives {@code null} instead of throwing. */
  public static Long tryParseLong(String text) {
    try {
      return parseLong(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static boolean isPlainDigits(String text, int maxLength) {
    int n = text.length();
    if (n == 0 || n > maxLength) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "…";
  }
}
