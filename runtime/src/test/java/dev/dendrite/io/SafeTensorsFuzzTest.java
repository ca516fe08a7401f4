package dev.dendrite.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.dendrite.optim.Adam;
import java.io.IOException;
import java.util.List;

/**
 * Coverage-guided fuzz tests of the safetensors reader and of loading parameters. The only
 * exceptions allowed are the documented format exceptions; anything else (or an assertion here)
 * is a finding. A plain test run replays the inputs under {@code SafeTensorsFuzzTestInputs};
 * {@code JAZZER_FUZZ=1} fuzzes (see docs/fuzzing.md).
 */
class SafeTensorsFuzzTest {

  /** Valid input reads completely, and what the writer makes of it reads back the same. */
  @FuzzTest(maxDuration = "5m")
  void readsOrRejects(byte[] data) throws IOException {
    SafeTensorsFile file;
    try {
      file = SafeTensorsFile.of("fuzz", data);
    } catch (SafeTensorsFormatException e) {
      return;
    }
    SafeTensorsWriter writer = new SafeTensorsWriter();
    file.metadata().forEach(writer::metadata);
    for (TensorInfo info : file.tensors()) {
      byte[] bytes = file.readBytes(info.name());
      assertEquals(info.byteCount(), bytes.length);
      if (info.dtype().isFloatingPoint()) {
        assertEquals(info.elementCount(), file.readFloats(info.name()).length);
        assertEquals(info.elementCount(), file.readDoubles(info.name()).length);
      }
      writer.add(info.name(), info.dtype(), info.shape(), sink -> sink.putBytes(bytes));
    }
    SafeTensorsFile again = SafeTensorsFile.of("rewritten", writer.toByteArray());
    assertEquals(file.metadata(), again.metadata());
    assertEquals(file.names(), again.names());
    for (TensorInfo info : file.tensors()) {
      TensorInfo other = again.tensor(info.name());
      assertEquals(info.dtype(), other.dtype());
      assertArrayEquals(info.shape(), other.shape());
      assertArrayEquals(file.readBytes(info.name()), again.readBytes(info.name()));
    }
  }

  /** Loading either fits the network or fails with a file exception and changes nothing. */
  @FuzzTest(maxDuration = "5m")
  void loadsIntoANetworkOrRejects(byte[] data) throws IOException {
    FixtureModel model = new FixtureModel(0.5f, 3, 2);
    float[][] before = model.snapshot();
    try (SafeTensorsFile file = SafeTensorsFile.of("fuzz", data)) {
      ModelFiles.load(model, file);
    } catch (FileFormatException e) {
      assertArrayEquals(before, model.snapshot());
      return;
    }
    assertEquals(List.of("layer1.weight", "layer1.bias"), List.of(
        model.parameters().get(0).name(), model.parameters().get(1).name()));
  }

  /**
   * Restoring a checkpoint either fits the network and the optimizer or fails with a file
   * exception and changes neither.
   */
  @FuzzTest(maxDuration = "5m")
  void restoresACheckpointOrRejects(byte[] data) throws IOException {
    FixtureModel model = new FixtureModel(0.5f, 3, 2);
    model.setRandomState(77);
    float[][] before = model.snapshot();
    Adam adam = new Adam(0.25f);
    TrainingProgress progress;
    try (SafeTensorsFile file = SafeTensorsFile.of("fuzz", data)) {
      progress = Checkpoint.load(file, model, adam);
    } catch (FileFormatException e) {
      assertArrayEquals(before, model.snapshot());
      assertEquals(77, model.randomState());
      assertEquals(0, adam.iterations());
      assertEquals(0.25f, adam.learningRate());
      return;
    }
    assertEquals(true, progress.epoch() >= 0);
    assertEquals(true, adam.learningRate() > 0 && Float.isFinite(adam.learningRate()));
  }
}
