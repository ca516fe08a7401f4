package dev.dendrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dendrite.annotation.Loss;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryTest {

  /** A description of a network with a batch normalization layer, written by hand. */
  private static final ModelDescription NORMALIZED = new ModelDescription() {
    @Override
    public String networkName() {
      return "Normalized";
    }

    @Override
    public List<Layer> layers() {
      return List.of(
          new Layer("pixels", "Input", "", new int[] {8, 8}, List.of(), 0, 0),
          new Layer("flat", "Flatten", "", new int[] {64}, List.of(), 0, 0),
          new Layer("hidden", "Dense", "LINEAR, no bias", new int[] {32},
              List.of("hidden.weight"), 64 * 32, 2L * 64 * 32),
          new Layer("norm", "BatchNorm", "momentum 0.99, epsilon 0.001, RELU", new int[] {32},
              List.of("norm.gamma", "norm.beta"), 64, 64,
              List.of("norm.running_mean", "norm.running_var"), 64),
          new Layer("out", "Dense", "SOFTMAX", new int[] {10},
              List.of("out.weight", "out.bias"), 330, 640));
    }

    @Override
    public Loss loss() {
      return Loss.CATEGORICAL_CROSS_ENTROPY;
    }

    @Override
    public int inputSize() {
      return 64;
    }

    @Override
    public int outputSize() {
      return 10;
    }

    @Override
    public long randomState() {
      return 0;
    }

    @Override
    public void setRandomState(long state) {}
  };

  @Test
  void runningStatisticsCountAsNonTrainable() {
    assertEquals(64 * 32 + 64 + 330, NORMALIZED.parameterCount());
    assertEquals(64, NORMALIZED.nonTrainableCount());
    String summary = NORMALIZED.summary();
    assertTrue(summary.contains("Total params: 2,506\n"), summary);
    assertTrue(summary.contains("Trainable params: 2,442\n"), summary);
    assertTrue(summary.contains("Non-trainable params: 64\n"), summary);
  }

  @Test
  void aLayerRowCountsAllItsValues() {
    String summary = NORMALIZED.summary();
    assertTrue(summary.lines().anyMatch(l -> l.matches("norm \\(BatchNorm\\) +\\(None, 32\\) +128")),
        summary);
    assertTrue(summary.lines().anyMatch(l -> l.matches("pixels \\(Input\\) +\\(None, 8, 8\\) +0")),
        summary);
  }

  @Test
  void layersWithoutBuffersKeepTheSevenValueConstructor() {
    Layer layer = new Layer("h", "Dense", "RELU", new int[] {3}, List.of("h.weight"), 6, 12);
    assertEquals(List.of(), layer.bufferNames());
    assertEquals(0, layer.nonTrainableCount());
  }
}
