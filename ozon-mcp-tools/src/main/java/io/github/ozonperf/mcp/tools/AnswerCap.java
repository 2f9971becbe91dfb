package io.github.ozonperf.mcp.tools;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps every tool answer (structured content plus text) under {@link #MAX_BYTES}: a host pays for every byte in
 * the model's context, and some refuse large results outright. The tools already window their lists (limit,
 * maxRows, pageSize); this is the backstop for long titles, "all" fields or 500 bids. When an answer is too big,
 * the text is cut at a line, and the largest list of the structured content keeps the items that fit; the note
 * says how many were left out and how to get them (the cursor to continue with, where the tool has one).
 */
final class AnswerCap {
  /** Structured content (as JSON, UTF-8) plus text. */
  static final int MAX_BYTES = 100_000;
  /** The text alone; it repeats the structured content for people, so it gets a smaller share. */
  static final int MAX_TEXT_BYTES = 16_000;
  /** Kept free for the note and the envelope. */
  private static final int SLACK = 2_000;

  private AnswerCap() {
  }

  static ToolDef.Outcome cap(ToolDef def, Args args, ToolDef.Outcome outcome) {
    // Nearly every answer is far below the caps: an upper bound that only reads string lengths settles it without
    // walking every character (counting UTF-8 bytes char by char was ~8 % of a list_campaigns call's CPU).
    long textBound = 3L * outcome.text().length();
    if (textBound <= MAX_TEXT_BYTES && textBound + upperBound(outcome.structured()) <= MAX_BYTES) {
      return outcome;
    }
    String text = capText(outcome.text());
    long textBytes = utf8(text);
    long structured = size(outcome.structured());
    if (structured + textBytes <= MAX_BYTES) {
      return text == outcome.text() ? outcome : new ToolDef.Outcome(outcome.structured(), text);
    }
    Map<String, Object> out = new LinkedHashMap<>(outcome.structured());
    String listName = largestList(out);
    if (listName == null) {
      return new ToolDef.Outcome(out, text); // nothing to cut: every tool's big answers are lists
    }
    List<?> list = (List<?>) out.get(listName);
    long budget = MAX_BYTES - SLACK - textBytes - (structured - size(list));
    List<Object> kept = new ArrayList<>();
    long used = 2;
    for (Object item : list) {
      long s = size(item) + 1;
      if (used + s > budget) {
        break;
      }
      used += s;
      kept.add(item);
    }
    out.put(listName, kept);
    if (out.get("returned") instanceof Integer n && n == list.size()) {
      out.put("returned", kept.size());
    }
    StringBuilder note = new StringBuilder("This answer was cut to stay under " + MAX_BYTES / 1000 + " KB: "
        + listName + " has the first " + kept.size() + " of " + list.size() + " items.");
    if (def.argumentNames().contains("cursor") && hasNextCursor(def)) {
      int offset = Values.cursorOffset(args);
      String next = Integer.toString(offset + kept.size());
      out.put("nextCursor", next);
      note.append(" Call again with cursor \"").append(next).append("\" (and the same other arguments) for the rest,"
          + " or ask for fewer fields or a smaller limit.");
    } else {
      note.append(" Ask again for fewer items (a smaller limit, pageSize or maxRows, fewer fields or fewer bids) to"
          + " see the rest.");
    }
    if (out.get("note") instanceof String old) {
      note.append(' ').append(old);
    }
    out.put("note", note.toString());
    return new ToolDef.Outcome(out, capText(text + "\n" + note));
  }

  private static String capText(String text) {
    if (utf8(text) <= MAX_TEXT_BYTES) {
      return text;
    }
    int end = Math.min(text.length(), MAX_TEXT_BYTES / 3); // up to 3 bytes a char: the cut surely fits
    int line = text.lastIndexOf('\n', end);
    end = line > end / 2 ? line : end;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + "\n… (text cut at " + end + " of " + text.length() + " characters; the"
        + " structured content has the items)";
  }

  @SuppressWarnings("unchecked")
  private static boolean hasNextCursor(ToolDef def) {
    Object anyOf = def.outputSchema.get("anyOf");
    if (anyOf instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof Map<?, ?> success
        && success.get("properties") instanceof Map<?, ?> props) {
      return ((Map<String, Object>) props).containsKey("nextCursor");
    }
    return false;
  }

  private static String largestList(Map<String, Object> out) {
    String best = null;
    long bestSize = 0;
    for (Map.Entry<String, Object> e : out.entrySet()) {
      if (e.getValue() instanceof List<?> l && !l.isEmpty()) {
        long s = size(l);
        if (s > bestSize) {
          best = e.getKey();
          bestSize = s;
        }
      }
    }
    return best;
  }

  /** About the size of {@code v} written as JSON in UTF-8 (escapes aside), without writing it. */
  static long size(Object v) {
    return measure(v, AnswerCap::utf8);
  }

  /** At least {@link #size}: every char counted as 3 bytes (a surrogate pair is 4 bytes for 2 chars). */
  static long upperBound(Object v) {
    return measure(v, s -> 3L * s.length());
  }

  /** The JSON size of {@code v}, its strings (keys too) measured by {@code bytes}; numbers and literals as text. */
  private static long measure(Object v, java.util.function.ToLongFunction<String> bytes) {
    if (v == null) {
      return 4;
    }
    if (v instanceof String s) {
      return bytes.applyAsLong(s) + 2;
    }
    if (v instanceof Map<?, ?> m) {
      long n = 2;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        n += bytes.applyAsLong(String.valueOf(e.getKey())) + 4 + measure(e.getValue(), bytes);
      }
      return n;
    }
    if (v instanceof List<?> l) {
      long n = 2;
      for (Object o : l) {
        n += measure(o, bytes) + 1;
      }
      return n;
    }
    return String.valueOf(v).length();
  }

  static long utf8(String s) {
    long n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      n += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
    }
    return n;
  }
}
