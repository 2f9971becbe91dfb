package io.github.ozonperf.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ozonperf.client.OzonPerformanceClient;
import io.github.ozonperf.client.internal.ModelJson;
import io.github.ozonperf.client.internal.report.DefaultReportResult;
import io.github.ozonperf.client.internal.report.ReportFile;
import io.github.ozonperf.client.internal.report.ReportFileKind;
import io.github.ozonperf.client.model.Campaign;
import io.github.ozonperf.client.model.CampaignList;
import io.github.ozonperf.client.report.ReportFormat;
import io.github.ozonperf.client.report.ReportGroupBy;
import io.github.ozonperf.client.report.ReportRequest;
import io.github.ozonperf.client.report.ReportResult;
import io.github.ozonperf.client.report.ReportTotals;
import io.github.ozonperf.it.support.AnswerCapture;
import io.github.ozonperf.it.support.CallCounter;
import io.github.ozonperf.it.support.Recorder;
import io.github.ozonperf.it.support.Target;
import io.github.ozonperf.it.support.TargetEnv;
import io.github.ozonperf.sandbox.SandboxCampaign;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recording a user with credentials can contribute: ids remapped, names replaced, money and counts kept, in the
 * corpus layout, with expected values the SDK reads back unchanged. Run on the sandbox, where the originals are known.
 */
class RecorderIT {
  @TempDir
  Path dir;

  @Test
  void recordedAnswersKeepTheNumbersAndLoseTheIdsAndNames() throws Exception {
    System.setProperty("ozon.it.record.dir", dir.toString());
    try (TargetEnv env = TargetEnv.open(Target.SANDBOX)) {
      AnswerCapture capture = new AnswerCapture();
      CallCounter counter = new CallCounter();
      OzonPerformanceClient client = env.build(env.clientBuilder(counter, capture), counter, true);
      SandboxCampaign sku = env.sandbox().data().campaigns().get(0);
      List<Campaign> original = client.campaigns().listCampaigns(null, null, null, null, null).getList();
      Recorder recorder = new Recorder();
      capture.record(recorder, Target.SANDBOX);

      Path json = dir.resolve("SANDBOX/campaign-list-json/recorded.json");
      String recorded = Files.readString(json);
      for (SandboxCampaign c : env.sandbox().data().campaigns()) {
        assertFalse(recorded.contains(c.id()), "id " + c.id() + " was remapped");
        assertFalse(recorded.contains(c.title()), "title " + c.title() + " was replaced");
      }
      assertTrue(recorded.contains("\"PaymentType\""), "the wire's own keys are kept");
      List<Campaign> anonymous = ModelJson.gson().fromJson(recorded, CampaignList.class).getList();
      assertEquals(original.size(), anonymous.size());
      for (int i = 0; i < original.size(); i++) {
        assertEquals(original.get(i).getWeeklyBudget(), anonymous.get(i).getWeeklyBudget(), "money is kept");
        assertEquals(original.get(i).getPaymentType(), anonymous.get(i).getPaymentType());
        assertEquals(original.get(i).getId().length(), anonymous.get(i).getId().length(), "ids keep their length");
      }

      LocalDate from = LocalDate.of(2026, 10, 1);
      try (ReportResult result = client.reports().run(ReportRequest.builder().campaignIds(List.of(sku.id()))
          .dateFrom(from).dateTo(from.plusDays(2)).groupBy(ReportGroupBy.DATE).format(ReportFormat.CSV).build())) {
        recorder.report(Target.SANDBOX, "sku-csv", result.files().get(0), sku.id() + "_report");
        ReportTotals read = result.totals();
        Path csv;
        try (Stream<Path> files = Files.list(dir.resolve("SANDBOX/sku-csv"))) {
          csv = files.filter(p -> p.toString().endsWith(".csv")).findFirst().orElseThrow();
        }
        String text = Files.readString(csv);
        assertFalse(text.contains(sku.id()), "the campaign id in the title line and the name was remapped");
        for (var p : env.sandbox().data().products(sku.id())) {
          assertFalse(text.contains(p.sku()), "sku " + p.sku() + " was remapped");
        }
        Path copy = dir.resolve("copy.csv");
        Files.copy(csv, copy);
        try (DefaultReportResult again = new DefaultReportResult(List.of(),
            List.of(new ReportFile(copy, ReportFileKind.CSV, List.of())))) {
          assertEquals(read, again.totals(), "the recording reads to the same numbers, corrections included");
          assertEquals(List.of(), again.mismatches());
        }
        Properties expected = new Properties();
        try (var in = Files.newBufferedReader(csv.resolveSibling(csv.getFileName().toString()
            .replace(".csv", ".expected.properties")))) {
          expected.load(in);
        }
        assertEquals(String.valueOf(read.rows()), expected.getProperty("rows"));
        assertEquals(read.spend().toPlainString(), expected.getProperty("spend"));
      }
    } finally {
      System.clearProperty("ozon.it.record.dir");
    }
  }
}
