package io.github.ozonperf.it.support;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import io.github.ozonperf.client.internal.report.DefaultReportResult;
import io.github.ozonperf.client.internal.report.HeaderNames;
import io.github.ozonperf.client.internal.report.ReportFile;
import io.github.ozonperf.client.internal.report.ReportFileKind;
import io.github.ozonperf.client.report.ReportRow;
import io.github.ozonperf.client.report.ReportTotals;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Records what the API answered, anonymised, in the layout of the client's evidence corpus
 * ({@code ozon-performance-client/src/test/resources/corpus/<kind>/}): ids are remapped to other numbers (the same
 * id to the same number within a run), titles and names are replaced, money and counts are kept. A CSV gets an
 * {@code .expected.properties} with what the SDK read from it. Copy a folder of {@code target/recorded/REAL/} into the
 * corpus and the corpus tests (the SDK's reader, its models, the sandbox's shapes) hold the code to it.
 */
public final class Recorder {
  /** JSON keys whose values are ids (remapped). */
  static final Set<String> ID_KEYS = Set.of("id", "campaignId", "sku", "UUID", "uuid", "orderId", "bannerId",
      "categoryId", "campaigns", "campaignIds", "sourceSku", "organisationId", "orgId", "link");
  /** JSON keys whose values are names (replaced). */
  static final Set<String> NAME_KEYS = Set.of("title", "name", "organisationTitle", "imageUrl");
  /** Report columns holding ids or names, by English name. */
  static final Set<String> CSV_IDS = Set.of(ReportRow.SKU, ReportRow.ADVERTISED_SKU, ReportRow.BANNER_ID,
      ReportRow.ORDER_ID, "orderNumber", "offerId", "campaignId");
  static final Set<String> CSV_NAMES = Set.of(ReportRow.TITLE, "campaignTitle");
  private static final Pattern DIGITS = Pattern.compile("\\d{4,}");
  private static final Pattern TITLE = Pattern.compile("№\\s*(\\d+)(,[^;]*?)?(, период)");
  private static final Pattern NUMBER = Pattern.compile("№\\s*(\\d+)");
  private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}"
      + "-[0-9a-fA-F]{12}");

  private final Map<String, String> ids = new HashMap<>();
  private final Map<String, String> names = new HashMap<>();

  /** The folder of a target's recordings. */
  public static Path root(Target target) {
    return Path.of(System.getProperty("ozon.it.record.dir", "target/recorded"), target.name());
  }

  /** Records a JSON answer under {@code <kind>/<name>.json} and its shape in the run report. */
  public synchronized void json(Target target, String kind, String name, String json) {
    JsonElement anonymous = anonymise(null, JsonParser.parseString(json));
    write(root(target).resolve(kind).resolve(name + ".json"),
        new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(anonymous));
    RunReport.shape(target, kind, shape(anonymous));
  }

  /**
   * Records a report file (a CSV, or each CSV of a ZIP under its entry name) under {@code <kind>/}, with expected
   * values.
   *
   * @param name the name of a plain CSV, e.g. the campaign id and period (its ids are remapped too)
   */
  public synchronized void report(Target target, String kind, Path file, String name) {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(2);
      if (head.length == 2 && head[0] == 'P' && head[1] == 'K') {
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file), StandardCharsets.UTF_8)) {
          for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
            csv(target, kind, remapDigits(e.getName()), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
          }
        }
      } else {
        csv(target, kind, remapDigits(name) + ".csv", Files.readString(file, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void csv(Target target, String kind, String name, String text) throws IOException {
    boolean bom = text.startsWith("\uFEFF");
    List<List<String>> lines = new ArrayList<>();
    try (CsvReader<CsvRecord> reader = CsvReader.builder().fieldSeparator(';').skipEmptyLines(true)
        .extraFieldStrategy(FieldMismatchStrategy.IGNORE).missingFieldStrategy(FieldMismatchStrategy.IGNORE)
        .ofCsvRecord(bom ? text.substring(1) : text)) {
      for (CsvRecord r : reader) {
        lines.add(new ArrayList<>(r.getFields()));
      }
    }
    List<String> header = null;
    for (List<String> line : lines) {
      if (header == null) {
        long known = line.stream().filter(HeaderNames::isKnown).count();
        if (known >= 2) {
          header = line.stream().map(HeaderNames::english).toList();
          RunReport.shape(target, kind, String.join(";", line));
        } else {
          line.replaceAll(this::anonymiseTitle);
        }
        continue;
      }
      for (int i = 0; i < Math.min(line.size(), header.size()); i++) {
        String first = line.get(0).strip().toLowerCase(Locale.ROOT);
        if (first.startsWith("всего") || first.startsWith("корректировка") || line.get(i).isBlank()) {
          continue;
        }
        if (CSV_IDS.contains(header.get(i))) {
          line.set(i, remapDigits(line.get(i)));
        } else if (CSV_NAMES.contains(header.get(i))) {
          line.set(i, name(line.get(i)));
        }
      }
    }
    StringWriter out = new StringWriter();
    if (bom) {
      out.write('\uFEFF');
    }
    try (CsvWriter writer = CsvWriter.builder().fieldSeparator(';').lineDelimiter(LineDelimiter.LF).build(out)) {
      for (List<String> line : lines) {
        writer.writeRecord(line);
      }
    }
    Path path = root(target).resolve(kind).resolve(name.endsWith(".csv") ? name : name + ".csv");
    write(path, out.toString());
    write(path.resolveSibling(path.getFileName().toString().replace(".csv", ".expected.properties")),
        expected(path));
  }

  /** What the SDK reads from the recorded file: the numbers a reader of the file would write down. */
  private static String expected(Path csv) throws IOException {
    Path copy = Files.createTempFile("recorded", ".csv");
    Files.copy(csv, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    try (DefaultReportResult result = new DefaultReportResult(List.of(),
        List.of(new ReportFile(copy, ReportFileKind.CSV, List.of())))) {
      ReportTotals t = result.totals();
      return "# recorded by the integration suite: what the SDK read (check it against the file before committing)\n"
          + "rows=" + t.rows() + "\nviews=" + t.views() + "\nclicks=" + t.clicks() + "\nspend="
          + t.spend().toPlainString() + "\norders=" + t.orders() + "\nordersMoney=" + t.ordersMoney().toPlainString()
          + "\ncorrections=" + t.corrections().toPlainString() + "\n";
    }
  }

  private JsonElement anonymise(String key, JsonElement e) {
    if (e.isJsonObject()) {
      JsonObject out = new JsonObject();
      for (Map.Entry<String, JsonElement> entry : e.getAsJsonObject().entrySet()) {
        out.add(remapDigits(entry.getKey()), anonymise(entry.getKey(), entry.getValue()));
      }
      return out;
    }
    if (e.isJsonArray()) {
      JsonArray out = new JsonArray();
      e.getAsJsonArray().forEach(x -> out.add(anonymise(key, x)));
      return out;
    }
    if (e.isJsonPrimitive() && key != null) {
      JsonPrimitive p = e.getAsJsonPrimitive();
      if (ID_KEYS.contains(key)) {
        String v = remapDigits(UUID.matcher(p.getAsString()).replaceAll("00000000-0000-4000-8000-000000000000"));
        return p.isNumber() ? new JsonPrimitive(new java.math.BigDecimal(v)) : new JsonPrimitive(v);
      }
      if (NAME_KEYS.contains(key) && p.isString()) {
        return new JsonPrimitive(name(p.getAsString()));
      }
    }
    return e;
  }

  /** Every run of 4+ digits becomes another number of the same length, the same one for the same input. */
  String remapDigits(String text) {
    Matcher m = DIGITS.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String id = m.group();
      String mapped = ids.computeIfAbsent(id, k -> {
        String n = Integer.toString(ids.size() + 1);
        StringBuilder s = new StringBuilder("9");
        while (s.length() + n.length() < k.length()) {
          s.append('0');
        }
        return s.append(n).toString();
      });
      m.appendReplacement(out, mapped);
    }
    m.appendTail(out);
    return out.toString();
  }

  private String name(String original) {
    return names.computeIfAbsent(original, k -> "Название " + (names.size() + 1));
  }

  /** "…№ 123, My campaign, период …" keeps its form with the id remapped and the name replaced. */
  private String anonymiseTitle(String field) {
    Matcher m = TITLE.matcher(field);
    if (m.find()) {
      String name = m.group(2) == null ? "" : ", " + name(m.group(2).substring(1).strip());
      return field.substring(0, m.start()) + "№ " + remapDigits(m.group(1)) + name + m.group(3)
          + field.substring(m.end());
    }
    Matcher number = NUMBER.matcher(field);
    StringBuilder out = new StringBuilder();
    while (number.find()) {
      number.appendReplacement(out, "№ " + remapDigits(number.group(1)));
    }
    number.appendTail(out);
    return out.toString();
  }

  /** Keys and JSON types, recursively; arrays show their first element. */
  static String shape(JsonElement e) {
    if (e.isJsonObject()) {
      List<String> parts = new ArrayList<>();
      e.getAsJsonObject().entrySet().forEach(en -> parts.add(en.getKey() + ": " + shape(en.getValue())));
      return "{" + String.join(", ", parts) + "}";
    }
    if (e.isJsonArray()) {
      return e.getAsJsonArray().isEmpty() ? "[]" : "[" + shape(e.getAsJsonArray().get(0)) + ", ...]";
    }
    if (e.isJsonNull()) {
      return "null";
    }
    JsonPrimitive p = e.getAsJsonPrimitive();
    return p.isString() ? "string" : p.isNumber() ? "number" : "boolean";
  }

  private static void write(Path path, String content) {
    try {
      Files.createDirectories(path.getParent());
      Files.writeString(path, content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
