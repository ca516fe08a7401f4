package dev.dendrite.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dendrite.train.Verbosity;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class DiabetesRegressionDemoTest {

  @Test
  void theShippedTableHas442PatientsOfTenMeasurements() {
    var data = DiabetesRegressionDemo.load();
    assertEquals(442, data.size());
    assertEquals(10, data.featureCount());
    assertEquals(151f, data.targets(0)[0], "the first patient's progression");
    assertEquals(59f, data.features(0)[0], "and age");
  }

  @Test
  void theNetworkBeatsPredictingTheMean() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    var result = DiabetesRegressionDemo.run(
        new PrintStream(bytes, true, StandardCharsets.UTF_8), Verbosity.QUIET);
    assertTrue(result.rmse() < 0.8 * result.baselineRmse(),
        "RMSE " + result.rmse() + " against the mean's " + result.baselineRmse());
    assertTrue(result.mae() < 0.8 * result.baselineMae(),
        "MAE " + result.mae() + " against the mean's " + result.baselineMae());
    String printed = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(printed.contains(String.format(Locale.ROOT, "RMSE %6.2f", result.rmse())), printed);
    assertTrue(printed.contains(String.format(Locale.ROOT, "RMSE %6.2f", result.baselineRmse())), printed);
  }
}
