package io.github.ozonperf.client.internal.report;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import io.github.ozonperf.client.report.ReportRow;
import java.io.IOException;
import java.io.Reader;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rows of a JSON report, streamed: <code>{"&lt;campaignId&gt;": {"report": {"rows": [...], "totals":
 * {...}}}}</code>. Row keys are mapped to our English names ({@code moneySpent} → {@code spend}); Ozon's
 * {@code totals} (with {@code corrections}, when present) are kept on the campaign's {@link ReportSection}.
 */
public final class JsonRows extends RowIterator {
  private final JsonReader json;
  private boolean started;
  private boolean finished;
  private boolean inRows;
  private int depth;
  private String campaignId;
  private ReportSection section;

  /** Reads the JSON report from {@code reader} (closed by {@link #close()}). */
  public JsonRows(Reader reader) {
    this.json = new JsonReader(reader);
  }

  @Override
  protected ReportRow fetch() throws IOException {
    if (finished) {
      return null;
    }
    if (!started) {
      started = true;
      if (json.peek() != JsonToken.BEGIN_OBJECT) {
        throw new IOException("a JSON report must be an object keyed by campaign id, found " + json.peek());
      }
      json.beginObject();
    }
    while (true) {
      if (inRows) {
        if (json.hasNext()) {
          if (json.peek() == JsonToken.BEGIN_OBJECT) {
            return readRow();
          }
          json.skipValue();
          continue;
        }
        json.endArray();
        inRows = false;
        continue;
      }
      if (depth == 0) {
        if (!json.hasNext()) {
          json.endObject();
          finished = true;
          return null;
        }
        campaignId = json.nextName();
        section = new ReportSection(campaignId, "campaign " + campaignId);
        sections.add(section);
        if (json.peek() == JsonToken.BEGIN_OBJECT) {
          json.beginObject();
          depth = 1;
        } else {
          json.skipValue();
        }
        continue;
      }
      if (!json.hasNext()) {
        json.endObject();
        depth--;
        continue;
      }
      String name = json.nextName();
      JsonToken token = json.peek();
      if (name.equals("rows") && token == JsonToken.BEGIN_ARRAY) {
        json.beginArray();
        inRows = true;
      } else if (name.equals("totals") && token == JsonToken.BEGIN_OBJECT) {
        Map<String, String> totals = readObject();
        section.addCorrection(totals.remove("corrections"));
        section.ozonTotals(totals);
      } else if (name.equals("report") && token == JsonToken.BEGIN_OBJECT) {
        json.beginObject();
        depth++;
      } else {
        json.skipValue();
      }
    }
  }

  private ReportRow readRow() throws IOException {
    ReportRow row = ReportRow.of(campaignId, readObject());
    section.add(row);
    return row;
  }

  /** A flat object's scalar values by English name; nested values are skipped. */
  private Map<String, String> readObject() throws IOException {
    Map<String, String> columns = new LinkedHashMap<>();
    json.beginObject();
    while (json.hasNext()) {
      String key = HeaderNames.english(json.nextName());
      switch (json.peek()) {
        case STRING, NUMBER -> columns.put(key, json.nextString());
        case BOOLEAN -> columns.put(key, String.valueOf(json.nextBoolean()));
        case NULL -> json.nextNull();
        default -> json.skipValue();
      }
    }
    json.endObject();
    return columns;
  }

  @Override
  public void close() throws IOException {
    json.close();
  }
}
