package io.github.ozonperf.client.internal.report;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import io.github.ozonperf.client.report.Numbers;
import io.github.ozonperf.client.report.ReportRow;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rows of one Ozon CSV report: optional BOM, optional title line(s) before the header ("Кампания … № 123,
 * период …"), {@code ;} separator (also {@code ,} or tab when the file has no {@code ;}), Russian headers of any
 * layout (see {@link HeaderNames}). The lines after the data are not rows: a {@code Корректировка} line adds its
 * amount to the section's corrections, and the {@code Всего}/{@code Итого} line is kept as Ozon's totals, so that
 * they can be checked against the sums of the rows ({@link ReportSection}).
 *
 * <p>A file whose header lacks a column its layout needs (views, clicks, spend), or that has lines but no header
 * this reader recognises, is an error naming the line: numbers read from it would be silently wrong.
 */
public final class CsvRows extends RowIterator {
  private static final Logger LOG = LoggerFactory.getLogger(CsvRows.class);
  private static final Set<String> LOGGED_UNKNOWN = ConcurrentHashMap.newKeySet();
  private static final int PEEK_LINES = 12;
  private static final int PEEK_CHARS = 1 << 20;
  private static final Pattern CAMPAIGN_NUMBER = Pattern.compile("№\\s*(\\d+)");

  private final CsvReader<CsvRecord> csv;
  private final CloseableIterator<CsvRecord> records;
  private final String source;
  private String campaignId;
  private String[] header;
  private int spendColumn = -1;
  private String firstLine;
  private int linesBeforeHeader;
  private ReportSection section;

  private CsvRows(CsvReader<CsvRecord> csv, String campaignId, String source) {
    this.csv = csv;
    this.records = csv.iterator();
    this.campaignId = campaignId;
    this.source = source;
  }

  /**
   * Reads rows from {@code reader} (closed by {@link #close()}).
   *
   * @param campaignId the campaign of the rows, or {@code null} to take it from the title line
   */
  public static CsvRows open(Reader reader, String campaignId) throws IOException {
    return open(reader, campaignId, "report.csv");
  }

  /**
   * Reads rows from {@code reader} (closed by {@link #close()}).
   *
   * @param campaignId the campaign of the rows, or {@code null} to take it from the title line
   * @param source     the file or ZIP entry name, for messages
   */
  public static CsvRows open(Reader reader, String campaignId, String source) throws IOException {
    BufferedReader buffered = new BufferedReader(reader, 1 << 16);
    buffered.mark(PEEK_CHARS);
    char separator = ';';
    boolean semicolon = false;
    boolean tab = false;
    int read = 0;
    for (int i = 0; i < PEEK_LINES; i++) {
      String line = buffered.readLine();
      if (line == null) {
        break;
      }
      read += line.length() + 2;
      semicolon |= line.indexOf(';') >= 0;
      tab |= line.indexOf('\t') >= 0;
      if (read > PEEK_CHARS / 2) {
        break;
      }
    }
    if (!semicolon) {
      separator = tab ? '\t' : ',';
    }
    buffered.reset();
    buffered.mark(1);
    if (buffered.read() != '\uFEFF') {
      buffered.reset();
    }
    CsvReader<CsvRecord> csv = CsvReader.builder()
        .fieldSeparator(separator)
        .skipEmptyLines(true)
        .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
        .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
        .ofCsvRecord(buffered);
    return new CsvRows(csv, campaignId, source);
  }

  /** The campaign id used for the rows (from the caller or the title line), or {@code null}. */
  public String campaignId() {
    return campaignId;
  }

  @Override
  protected ReportRow fetch() throws IOException {
    while (records.hasNext()) {
      CsvRecord record = records.next();
      List<String> fields = record.getFields();
      String first = firstNonBlank(fields);
      if (first == null) {
        continue;
      }
      if (header == null) {
        if (looksLikeHeader(fields)) {
          readHeader(fields);
        } else {
          if (firstLine == null) {
            firstLine = String.join(";", fields);
          }
          linesBeforeHeader++;
          Matcher m = campaignId == null ? CAMPAIGN_NUMBER.matcher(String.join(";", fields)) : null;
          if (m != null && m.find()) {
            campaignId = m.group(1);
          }
        }
        continue;
      }
      String lower = first.strip().toLowerCase(Locale.ROOT);
      if (lower.startsWith("корректировка")) {
        section.addCorrection(correctionAmount(fields));
        continue;
      }
      if (lower.startsWith("всего") || lower.startsWith("итого") || lower.equals("total")) {
        section.ozonTotals(columns(fields));
        continue;
      }
      ReportRow row = ReportRow.of(campaignId == null ? "" : campaignId, columns(fields));
      section.add(row);
      return row;
    }
    if (header == null && linesBeforeHeader > 1) {
      throw new ReportLayoutException("no header line of a known report layout in " + source + " ("
          + linesBeforeHeader + " lines; the first: \"" + abbreviate(firstLine) + "\")");
    }
    return null;
  }

  private void readHeader(List<String> fields) throws ReportLayoutException {
    header = new String[fields.size()];
    List<String> unknown = new ArrayList<>();
    for (int i = 0; i < header.length; i++) {
      header[i] = HeaderNames.english(fields.get(i));
      if (header[i].equals(ReportRow.SPEND) && spendColumn < 0) {
        spendColumn = i;
      }
      if (!header[i].isEmpty() && !HeaderNames.isKnown(fields.get(i))) {
        unknown.add(header[i]);
      }
    }
    List<String> missing = HeaderNames.missingRequired(Arrays.asList(header));
    if (!missing.isEmpty()) {
      throw new ReportLayoutException("the report " + source + " has no " + String.join(", ", missing)
          + " column, so its numbers cannot be read; header line: \"" + abbreviate(String.join(";", fields))
          + "\". Ozon may have changed the layout: report it to the SDK's maintainers.");
    }
    if (!unknown.isEmpty() && LOGGED_UNKNOWN.size() < 256 && LOGGED_UNKNOWN.add(unknown.get(0))) {
      LOG.info("Report column(s) this SDK does not know are kept under their own header: {}", unknown);
    }
    section = new ReportSection(campaignId, source);
    sections.add(section);
  }

  private Map<String, String> columns(List<String> fields) {
    Map<String, String> columns = new LinkedHashMap<>();
    int n = Math.min(fields.size(), header.length);
    for (int i = 0; i < n; i++) {
      columns.put(header[i], fields.get(i));
    }
    return columns;
  }

  /** The amount in the spend column; when that is empty, the line's last number (layouts differ). */
  private String correctionAmount(List<String> fields) {
    if (spendColumn >= 0 && spendColumn < fields.size() && !fields.get(spendColumn).isBlank()) {
      return fields.get(spendColumn);
    }
    for (int i = fields.size() - 1; i > 0; i--) {
      if (Numbers.tryParseDecimal(fields.get(i)) != null) {
        return fields.get(i);
      }
    }
    return null;
  }

  private static boolean looksLikeHeader(List<String> fields) {
    if (fields.size() < 2) {
      return false;
    }
    int known = 0;
    for (String field : fields) {
      if (HeaderNames.isKnown(field)) {
        known++;
      }
    }
    return known >= 2 || (known == 1 && fields.size() == 2);
  }

  private static String firstNonBlank(List<String> fields) {
    for (String field : fields) {
      if (!field.isBlank()) {
        return field;
      }
    }
    return null;
  }

  private static String abbreviate(String line) {
    return line.length() <= 600 ? line : line.substring(0, 600) + "…";
  }

  @Override
  public void close() throws IOException {
    csv.close();
  }
}
