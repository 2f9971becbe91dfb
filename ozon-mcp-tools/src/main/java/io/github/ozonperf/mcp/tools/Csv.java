package io.github.ozonperf.mcp.tools;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Ozon's synchronous CSV answers as typed rows: {@code ;}-separated, a title line, Russian headers, decimal commas,
 * sometimes a BOM and a {@code Всего} (total) line. The header is the first line with the most common number of
 * cells; every later line with that many cells is a row; a cell that is a number ("1 110,72", "12,3%") becomes a
 * JSON number, except in id-like columns (ids, SKUs, order numbers stay strings).
 */
final class Csv {
  private static final Pattern NUMBER = Pattern.compile("^-?[0-9]{1,15}(?:[ \u00a0\u202f][0-9]{3})*(?:[.,][0-9]+)?%?$");
  private static final Pattern ID_COLUMN = Pattern.compile("(?i)(^|[^a-zа-я])(id|sku|uuid)([^a-zа-я]|$)|номер|артикул");

  private Csv() {
  }

  /** The parsed table: its title line (or null), the column names, the rows and the total line (or null). */
  record Table(String title, List<String> columns, List<Map<String, Object>> rows, Map<String, Object> totals) {
  }

  static Table parse(String text) {
    String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
    List<List<String>> lines = new ArrayList<>();
    for (String line : t.split("\r?\n")) {
      if (!line.isBlank()) {
        lines.add(split(line));
      }
    }
    Map<Integer, Integer> counts = new HashMap<>();
    int best = 0;
    for (List<String> l : lines) {
      int c = counts.merge(l.size(), 1, Integer::sum);
      if (l.size() > 1 && (best == 0 || c > counts.get(best) || (c == counts.get(best) && l.size() > best))) {
        best = l.size();
      }
    }
    String title = null;
    List<String> columns = null;
    List<Map<String, Object>> rows = new ArrayList<>();
    Map<String, Object> totals = null;
    for (List<String> l : lines) {
      if (columns == null) {
        if (l.size() == best) {
          columns = l;
        } else if (title == null) {
          title = String.join(" ", l).strip();
        }
        continue;
      }
      if (l.size() != best) {
        continue;
      }
      Map<String, Object> row = new LinkedHashMap<>();
      for (int i = 0; i < best; i++) {
        String cell = l.get(i).strip();
        if (!cell.isEmpty()) {
          row.put(columns.get(i), typed(columns.get(i), cell));
        }
      }
      if (l.get(0).strip().toLowerCase(Locale.ROOT).startsWith("всего")) {
        totals = row;
      } else {
        rows.add(row);
      }
    }
    return new Table(title, columns == null ? List.of() : List.copyOf(columns), rows, totals);
  }

  static Object typed(String column, String cell) {
    if (ID_COLUMN.matcher(column).find() || !NUMBER.matcher(cell).matches()) {
      return cell;
    }
    BigDecimal d = Values.number(cell);
    return d == null ? cell : Values.jsonNumber(d);
  }

  private static List<String> split(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cur.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cur.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ';') {
        cells.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    cells.add(cur.toString());
    return cells;
  }

  /** A window of the rows as a tool answer. */
  static ToolDef.Outcome outcome(String what, String text, int limit, int offset) {
    Table table = parse(text);
    Values.Window<Map<String, Object>> w = Values.window(table.rows(), offset, limit);
    Map<String, Object> out = new LinkedHashMap<>();
    if (table.title() != null && !table.title().isEmpty()) {
      out.put("title", table.title());
    }
    out.put("columns", table.columns());
    out.put("rows", w.items());
    out.put("returned", w.items().size());
    out.put("total", w.total());
    if (table.totals() != null) {
      out.put("totals", table.totals());
    }
    String note = w.note("rows", limit);
    if (note != null) {
      out.put("nextCursor", w.nextCursor());
      out.put("note", note);
    }
    StringBuilder sb = new StringBuilder(what).append(' ').append(w.total()).append(" rows");
    if (!table.columns().isEmpty()) {
      sb.append("; columns: ").append(String.join(", ", table.columns()));
    }
    int shown = 0;
    for (Map<String, Object> r : w.items()) {
      if (++shown > StatisticsTools.TEXT_ROWS) {
        sb.append("\n… ").append(w.items().size() - StatisticsTools.TEXT_ROWS).append(" more rows in structuredContent");
        break;
      }
      sb.append('\n').append(String.join("; ", r.values().stream().map(String::valueOf).toList()));
    }
    if (note != null) {
      sb.append('\n').append(note);
    }
    return new ToolDef.Outcome(out, sb.toString());
  }
}
