package io.github.ozonperf.client.internal.report;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import io.github.ozonperf.client.report.ReportRow;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rows of one Ozon CSV report: optional BOM, optional title line(s) before the header ("Кампания … № 123,
 * период …"), {@code ;} separator (also {@code ,} or tab when the file has no {@code ;}), Russian headers,
 * a "Всего"/"Итого" total line that is skipped (totals are ours to compute).
 */
public final class CsvRows extends RowIterator {
  private static final int PEEK_LINES = 12;
  private static final int PEEK_CHARS = 1 << 20;
  private static final Pattern CAMPAIGN_NUMBER = Pattern.compile("№\\s*(\\d+)");

  private final CsvReader<CsvRecord> csv;
  private final CloseableIterator<CsvRecord> records;
  private String campaignId;
  private String[] header;

  private CsvRows(CsvReader<CsvRecord> csv, String campaignId) {
    this.csv = csv;
    this.records = csv.iterator();
    this.campaignId = campaignId;
  }

  /**
   * Reads rows from {@code reader} (closed by {@link #close()}).
   *
   * @param campaignId the campaign of the rows, or {@code null} to take it from the title line
   */
  public static CsvRows open(Reader reader, String campaignId) throws IOException {
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
    return new CsvRows(csv, campaignId);
  }

  /** The campaign id used for the rows (from the caller or the title line), or {@code null}. */
  public String campaignId() {
    return campaignId;
  }

  @Override
  protected ReportRow fetch() {
    while (records.hasNext()) {
      CsvRecord record = records.next();
      List<String> fields = record.getFields();
      if (header == null) {
        if (looksLikeHeader(fields)) {
          header = new String[fields.size()];
          for (int i = 0; i < header.length; i++) {
            header[i] = HeaderNames.english(fields.get(i));
          }
        } else if (campaignId == null) {
          Matcher m = CAMPAIGN_NUMBER.matcher(String.join(";", fields));
          if (m.find()) {
            campaignId = m.group(1);
          }
        }
        continue;
      }
      if (isBlankOrTotal(fields)) {
        continue;
      }
      Map<String, String> columns = new LinkedHashMap<>();
      int n = Math.min(fields.size(), header.length);
      for (int i = 0; i < n; i++) {
        columns.put(header[i], fields.get(i));
      }
      return ReportRow.of(campaignId == null ? "" : campaignId, columns);
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

  private static boolean isBlankOrTotal(List<String> fields) {
    String first = null;
    for (String field : fields) {
      if (!field.isBlank()) {
        first = field;
        break;
      }
    }
    if (first == null) {
      return true;
    }
    String lower = first.strip().toLowerCase(Locale.ROOT);
    return lower.startsWith("всего") || lower.startsWith("итого") || lower.equals("total");
  }

  @Override
  public void close() throws IOException {
    csv.close();
  }
}
