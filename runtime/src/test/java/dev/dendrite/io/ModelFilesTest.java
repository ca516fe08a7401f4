package dev.dendrite.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dendrite.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFilesTest {

  @TempDir Path folder;

  private static void assertBitsEqual(float[][] expected, float[][] actual) {
    assertEquals(expected.length, actual.length);
    for (int t = 0; t < expected.length; t++) {
      assertEquals(expected[t].length, actual[t].length);
      for (int i = 0; i < expected[t].length; i++) {
        assertEquals(Float.floatToRawIntBits(expected[t][i]), Float.floatToRawIntBits(actual[t][i]),
            "tensor " + t + " value " + i);
      }
    }
  }

  @Test
  void storesDenseWeightsInPyTorchLayoutUnderTheirNames() throws Exception {
    FixtureModel model = new FixtureModel(1f, 3, 2);
    Path path = folder.resolve("m.safetensors");
    ModelFiles.save(model, path);
    try (SafeTensorsFile f = SafeTensorsFile.open(path)) {
      assertEquals(Map.of("dendrite.format", "1", "dendrite.content", "weights",
          "dendrite.network", "Fixture"), f.metadata());
      assertEquals(java.util.List.of("layer1.weight", "layer1.bias"), f.names());
      TensorInfo weight = f.tensor("layer1.weight");
      assertEquals(DType.F32, weight.dtype());
      assertArrayEquals(new long[] {2, 3}, weight.shape(), "[units, inputs]");
      float[][] w = model.parameters().get(0).values(); // [inputs][units]
      assertArrayEquals(new float[] {w[0][0], w[1][0], w[2][0], w[0][1], w[1][1], w[2][1]},
          f.readFloats("layer1.weight"));
      assertArrayEquals(new long[] {2}, f.tensor("layer1.bias").shape());
      assertArrayEquals(model.parameters().get(1).values()[0], f.readFloats("layer1.bias"));
    }
  }

  @Test
  void transposesWeightsWiderThanOneBlock() throws Exception {
    FixtureModel model = new FixtureModel(1f, 5, 37);
    Path path = folder.resolve("wide.safetensors");
    ModelFiles.save(model, path);
    float[][] w = model.parameters().get(0).values(); // [5][37]
    float[] expected = new float[5 * 37];
    for (int u = 0; u < 37; u++) {
      for (int i = 0; i < 5; i++) {
        expected[u * 5 + i] = w[i][u];
      }
    }
    try (SafeTensorsFile f = SafeTensorsFile.open(path)) {
      assertArrayEquals(new long[] {37, 5}, f.tensor("layer1.weight").shape());
      assertArrayEquals(expected, f.readFloats("layer1.weight"));
    }
    FixtureModel loaded = new FixtureModel(0f, 5, 37);
    ModelFiles.load(loaded, path);
    assertBitsEqual(model.snapshot(), loaded.snapshot());
  }

  @Test
  void loadsWhatItSavedBitForBit() throws Exception {
    FixtureModel saved = new FixtureModel(0.1f, 5, 7, 3);
    saved.parameters().get(0).values()[2][4] = Float.intBitsToFloat(0x7fc12345); // a NaN payload
    saved.parameters().get(1).values()[0][0] = -0f;
    Path path = folder.resolve("m.safetensors");
    ModelFiles.save(saved, path);
    FixtureModel loaded = new FixtureModel(-9f, 5, 7, 3);
    ModelFiles.load(loaded, path);
    assertBitsEqual(saved.snapshot(), loaded.snapshot());
  }

  @Test
  void reportsMissingAndUnexpectedTensorsAndChangesNothing() throws Exception {
    Path small = folder.resolve("small.safetensors");
    ModelFiles.save(new FixtureModel(0f, 3, 2), small);
    FixtureModel bigger = new FixtureModel(5f, 3, 2, 2);
    float[][] before = bigger.snapshot();
    IncompatibleModelFileException e = assertThrows(IncompatibleModelFileException.class,
        () -> ModelFiles.load(bigger, small));
    assertEquals(small + ": missing tensors \"layer2.weight\" [2, 2], \"layer2.bias\" [2]",
        e.getMessage());
    assertBitsEqual(before, bigger.snapshot());

    Path big = folder.resolve("big.safetensors");
    ModelFiles.save(bigger, big);
    FixtureModel smaller = new FixtureModel(5f, 3, 2);
    e = assertThrows(IncompatibleModelFileException.class, () -> ModelFiles.load(smaller, big));
    assertEquals(big + ": unexpected tensors \"layer2.weight\", \"layer2.bias\", which the"
        + " network does not have", e.getMessage());
  }

  @Test
  void reportsShapesThatDifferWithNameExpectedAndFound() throws Exception {
    Path path = folder.resolve("m.safetensors");
    ModelFiles.save(new FixtureModel(0f, 4, 2), path);
    FixtureModel other = new FixtureModel(1f, 3, 2);
    float[][] before = other.snapshot();
    IncompatibleModelFileException e = assertThrows(IncompatibleModelFileException.class,
        () -> ModelFiles.load(other, path));
    assertEquals(path + ": tensor \"layer1.weight\" has shape [2, 4] in the file, but the network"
        + " expects [2, 3] ([units, inputs])", e.getMessage());
    assertBitsEqual(before, other.snapshot());
  }

  @Test
  void rejectsIntegerTensorsAndOtherLayoutVersions() throws Exception {
    Path path = folder.resolve("m.safetensors");
    new SafeTensorsWriter()
        .addFloats("layer1.weight", new long[] {2, 3}, new float[6])
        .add("layer1.bias", DType.I32, new long[] {2}, sink -> sink.putBytes(new byte[8]))
        .write(path);
    IncompatibleModelFileException e = assertThrows(IncompatibleModelFileException.class,
        () -> ModelFiles.load(new FixtureModel(0f, 3, 2), path));
    assertEquals(path + ": tensor \"layer1.bias\" has dtype I32; parameters are read from F16,"
        + " BF16, F32, F64", e.getMessage());

    new SafeTensorsWriter().metadata("dendrite.format", "2").write(path);
    e = assertThrows(IncompatibleModelFileException.class,
        () -> ModelFiles.load(new FixtureModel(0f, 3, 2), path));
    assertEquals(path + ": the file has Dendrite layout version 2; this version of Dendrite reads"
        + " version 1", e.getMessage());
  }

  @Test
  void loadsFilesWrittenElsewhereInOtherPrecisions() throws Exception {
    // As Python would write them: no metadata, F64 weight and F16 bias.
    double[] weight = {0.1, 0.2, 0.3, 1e-50, 5.0, 6.0};
    Path path = folder.resolve("py.safetensors");
    new SafeTensorsWriter()
        .addDoubles("layer1.weight", new long[] {2, 3}, weight)
        .add("layer1.bias", DType.F16, new long[] {2},
            sink -> sink.putBytes(new byte[] {0x00, 0x3C, 0x00, (byte) 0xC0}))
        .write(path);
    FixtureModel model = new FixtureModel(0f, 3, 2);
    ModelFiles.load(model, path);
    Tensor w = model.parameters().get(0);
    assertEquals(0.1f, w.values()[0][0]);
    assertEquals(0.2f, w.values()[1][0]);
    assertEquals(0.3f, w.values()[2][0]);
    assertEquals(0f, w.values()[0][1]);
    assertEquals(5f, w.values()[1][1]);
    assertEquals(6f, w.values()[2][1]);
    assertArrayEquals(new float[] {1f, -2f}, model.parameters().get(1).values()[0]);
  }

  @Test
  void aMalformedFileIsAFormatErrorNamingIt() throws Exception {
    Path path = folder.resolve("garbage.safetensors");
    Files.write(path, "not a model".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    SafeTensorsFormatException e = assertThrows(SafeTensorsFormatException.class,
        () -> ModelFiles.load(new FixtureModel(0f, 3, 2), path));
    assertEquals(path.toString(), e.source());
  }

  @Test
  void bytesHoldWhatSaveWritesAndLoadBitForBit() throws Exception {
    FixtureModel saved = new FixtureModel(0.3f, 4, 6, 2);
    saved.parameters().get(1).values()[0][2] = -0f;
    Path path = folder.resolve("m.safetensors");
    ModelFiles.save(saved, path);
    byte[] bytes = ModelFiles.toBytes(saved);
    assertArrayEquals(Files.readAllBytes(path), bytes);
    FixtureModel loaded = new FixtureModel(7f, 4, 6, 2);
    ModelFiles.load(loaded, "broadcast weights", bytes);
    assertBitsEqual(saved.snapshot(), loaded.snapshot());
  }

  @Test
  void bytesThatDoNotFitNameTheirSourceAndChangeNothing() throws Exception {
    byte[] small = ModelFiles.toBytes(new FixtureModel(0f, 3, 2));
    FixtureModel bigger = new FixtureModel(5f, 3, 2, 2);
    float[][] before = bigger.snapshot();
    IncompatibleModelFileException e = assertThrows(IncompatibleModelFileException.class,
        () -> ModelFiles.load(bigger, "weights of run 3", small));
    assertEquals("weights of run 3: missing tensors \"layer2.weight\" [2, 2], \"layer2.bias\""
        + " [2]", e.getMessage());
    assertBitsEqual(before, bigger.snapshot());
    SafeTensorsFormatException f = assertThrows(SafeTensorsFormatException.class,
        () -> ModelFiles.load(bigger, "garbage", new byte[] {1, 2, 3}));
    assertEquals("garbage", f.source());
  }
}
