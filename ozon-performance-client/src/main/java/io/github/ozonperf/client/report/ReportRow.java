package io.github.ozonperf.client.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.DateTimeException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One row of a statistics report. Ozon's Russian headers are mapped to English names ({@link #VIEWS},
 * {@link #CLICKS}, {@link #SPEND}, …); columns this SDK does not know keep their original header. Typed
 * accessors parse leniently and give {@code null} when the report has no (or no numeric) value.
 */
public final class ReportRow {
  /** Column name: the day (or first day of the week/month) of the row. */
  public static final String DATE = "date";
  /** Column name: the advertised product's SKU. */
  public static final String SKU = "sku";
  /** Column name: product or campaign title. */
  public static final String TITLE = "title";
  /** Column name: impressions. */
  public static final String VIEWS = "views";
  /** Column name: clicks. */
  public static final String CLICKS = "clicks";
  /** Column name: click-through rate in percent, as Ozon wrote it. */
  public static final String CTR = "ctr";
  /** Column name: money spent, roubles. */
  public static final String SPEND = "spend";
  /** Column name: average cost per click, roubles. */
  public static final String AVG_CPC = "avgCpc";
  /** Column name: orders. */
  public static final String ORDERS = "orders";
  /** Column name: revenue of the orders, roubles. */
  public static final String ORDERS_MONEY = "ordersMoney";

  private final String campaignId;
  private final Map<String, String> columns;
  private final LocalDate date;
  private final Long views;
  private final Long clicks;
  private final BigDecimal spend;
  private final Long orders;
  private final BigDecimal ordersMoney;

  private ReportRow(String campaignId, Map<String, String> columns) {
    this.campaignId = campaignId;
    this.columns = columns;
    this.date = parseDate(columns.get(DATE));
    this.views = Numbers.tryParseLong(columns.get(VIEWS));
    this.clicks = Numbers.tryParseLong(columns.get(CLICKS));
    this.spend = Numbers.tryParseDecimal(columns.get(SPEND));
    this.orders = Numbers.tryParseLong(columns.get(ORDERS));
    this.ordersMoney = Numbers.tryParseDecimal(columns.get(ORDERS_MONEY));
  }

  /**
   * A row.
   *
   * @param campaignId the campaign the row belongs to
   * @param columns    values by column name (English where known), in file order; copied
   */
  public static ReportRow of(String campaignId, Map<String, String> columns) {
    Objects.requireNonNull(campaignId, "campaignId == null");
    Objects.requireNonNull(columns, "columns == null");
    return new ReportRow(campaignId, Collections.unmodifiableMap(new LinkedHashMap<>(columns)));
  }

  /** The campaign this row belongs to. */
  public String campaignId() {
    return campaignId;
  }

  /** The row's date ({@code YYYY-MM-DD} or {@code DD.MM.YYYY} in the file), or {@code null}. */
  public LocalDate date() {
    return date;
  }

  /** Impressions, or {@code null}. */
  public Long views() {
    return views;
  }

  /** Clicks, or {@code null}. */
  public Long clicks() {
    return clicks;
  }

  /** Money spent in roubles, or {@code null}. */
  public BigDecimal spend() {
    return spend;
  }

  /** Orders, or {@code null}. */
  public Long orders() {
    return orders;
  }

  /** Revenue of the orders in roubles, or {@code null}. */
  public BigDecimal ordersMoney() {
    return ordersMoney;
  }

  /** The advertised SKU as written, or {@code null}. */
  public String sku() {
    return columns.get(SKU);
  }

  /** The title as written, or {@code null}. */
  public String title() {
    return columns.get(TITLE);
  }

  /** CTR in percent as Ozon wrote it, or {@code null}; {@link ReportTotals#ctr()} computes it from counts. */
  public BigDecimal ctr() {
    return Numbers.tryParseDecimal(columns.get(CTR));
  }

  /** Average cost per click as Ozon wrote it, or {@code null}. */
  public BigDecimal avgCpc() {
    return Numbers.tryParseDecimal(columns.get(AVG_CPC));
  }

  /** The raw value of a column by its English name (or original header for unknown columns), or {@code null}. */
  public String get(String column) {
    return columns.get(column);
  }

  /** A column parsed leniently as a number, or {@code null}. */
  public BigDecimal decimal(String column) {
    return Numbers.tryParseDecimal(columns.get(column));
  }

  /** Every column of the row, in file order. */
  public Map<String, String> columns() {
    return columns;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ReportRow other && campaignId.equals(other.campaignId)
        && columns.equals(other.columns);
  }

  @Override
  public int hashCode() {
    return 31 * campaignId.hashCode() + columns.hashCode();
  }

  @Override
  public String toString() {
    return "ReportRow{campaignId=" + campaignId + ", " + columns + '}';
  }

  // Hand-rolled: DateTimeFormatter.parse costs about as much as the rest of a row together.
  private static LocalDate parseDate(String text) {
    if (text == null) {
      return null;
    }
    String s = text.strip(); // "2026-10-01", "01.10.2026", "01.10.2026 - 07.10.2026", ISO date-time
    if (s.length() < 10) {
      return null;
    }
    try {
      if (s.charAt(2) == '.' && s.charAt(5) == '.') {
        return LocalDate.of(digits(s, 6, 10), digits(s, 3, 5), digits(s, 0, 2));
      }
      if (s.charAt(4) == '-' && s.charAt(7) == '-') {
        return LocalDate.of(digits(s, 0, 4), digits(s, 5, 7), digits(s, 8, 10));
      }
    } catch (DateTimeException | NumberFormatException e) {
      return null;
    }
    return null;
  }

  private static int digits(String s, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        throw new NumberFormatException();
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
