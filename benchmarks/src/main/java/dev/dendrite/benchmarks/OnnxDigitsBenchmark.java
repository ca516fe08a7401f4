package dev.dendrite.benchmarks;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.OrtSession.SessionOptions;
import dev.dendrite.io.OnnxFiles;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The peer a Java user would pick for inference: ONNX Runtime (Java API, CPU execution provider)
 * running the file {@link OnnxFiles} exports from {@link DigitsBenchmark}'s network with the same
 * weights (seed 1), on the same 1000 inputs, for a prediction of 1000 samples and of one sample.
 *
 * <p>The session runs sequentially ({@code ExecutionMode.SEQUENTIAL}, one inter-op thread) with
 * {@code threads} intra-op threads, ONNX Runtime's count that includes the calling thread, as
 * {@code setThreads} does for Dendrite. The input tensors wrap direct buffers filled once in
 * setup and the outputs are pinned to tensors allocated once, so a call allocates only the
 * Java-side {@code Result} and its map; the time includes neither copying a {@code float[][]}
 * into the input buffer nor reading the output buffer back into arrays, which Dendrite's {@code
 * predict(float[][], int, float[][])} does as part of its work.
 *
 * <p>Setup checks ONNX Runtime's outputs against Dendrite's {@code predict} on the same inputs and
 * stops the trial if any differs by more than {@value #TOLERANCE}, so that no figure comes from a
 * model that computes something else.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class OnnxDigitsBenchmark {

  /** Largest |ONNX Runtime - Dendrite| accepted per output of the softmax. */
  static final double TOLERANCE = 1e-4;

  @Param({"1", "2"})
  public int threads;

  private OrtEnvironment environment;
  private OrtSession session;
  private String inputName;
  private String outputName;
  // [PREDICT_BATCH, 784] and [1, 784] inputs; [PREDICT_BATCH, 10] and [1, 10] pinned outputs
  private OnnxTensor batchInput;
  private OnnxTensor singleInput;
  private OnnxTensor batchOutput;
  private OnnxTensor singleOutput;
  private Map<String, OnnxTensor> batchInputs;
  private Map<String, OnnxTensor> singleInputs;
  private Map<String, OnnxValue> batchOutputs;
  private Map<String, OnnxValue> singleOutputs;

  @Setup(Level.Trial)
  public void setUp() throws OrtException {
    DigitsNet net = new DigitsNet(1);
    DigitsData data = new DigitsData(DigitsBenchmark.PREDICT_BATCH, 2);
    byte[] model = OnnxFiles.toByteArray(net);

    environment = OrtEnvironment.getEnvironment();
    try (SessionOptions options = new SessionOptions()) {
      options.setIntraOpNumThreads(threads);
      options.setInterOpNumThreads(1);
      options.setExecutionMode(SessionOptions.ExecutionMode.SEQUENTIAL);
      options.setOptimizationLevel(SessionOptions.OptLevel.ALL_OPT);
      session = environment.createSession(model, options);
    }
    inputName = session.getInputNames().iterator().next();
    outputName = session.getOutputNames().iterator().next();

    int n = DigitsBenchmark.PREDICT_BATCH;
    batchInput = OnnxTensor.createTensor(environment, rows(data.images, n),
        new long[] {n, DigitsData.INPUTS});
    singleInput = OnnxTensor.createTensor(environment, rows(data.images, 1),
        new long[] {1, DigitsData.INPUTS});
    batchOutput = OnnxTensor.createTensor(environment, direct(n * DigitsData.CLASSES),
        new long[] {n, DigitsData.CLASSES});
    singleOutput = OnnxTensor.createTensor(environment, direct(DigitsData.CLASSES),
        new long[] {1, DigitsData.CLASSES});
    batchInputs = Map.of(inputName, batchInput);
    singleInputs = Map.of(inputName, singleInput);
    batchOutputs = Map.of(outputName, batchOutput);
    singleOutputs = Map.of(outputName, singleOutput);

    float[][] expected = new float[n][DigitsData.CLASSES];
    net.predict(data.images, n, expected);
    predictBatchOnnx();
    check("batch of " + n, expected, batchOutput);
    float[][] expectedSingle = {net.predict(data.images[0])};
    predictSingleOnnx();
    check("single-sample", expectedSingle, singleOutput);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws OrtException {
    for (OnnxTensor tensor : new OnnxTensor[] {batchInput, singleInput, batchOutput, singleOutput}) {
      if (tensor != null) {
        tensor.close();
      }
    }
    if (session != null) {
      session.close();
    }
  }

  @Benchmark
  public OnnxTensor predictBatchOnnx() throws OrtException {
    // The pinned output is not owned by the Result: closing the Result leaves it open.
    try (OrtSession.Result ignored = session.run(batchInputs, batchOutputs)) {
      return batchOutput;
    }
  }

  @Benchmark
  public OnnxTensor predictSingleOnnx() throws OrtException {
    try (OrtSession.Result ignored = session.run(singleInputs, singleOutputs)) {
      return singleOutput;
    }
  }

  /** The first {@code n} rows as a direct buffer in native order, which ONNX Runtime uses as is. */
  private static FloatBuffer rows(float[][] x, int n) {
    FloatBuffer buffer = direct(n * x[0].length);
    for (int s = 0; s < n; s++) {
      buffer.put(x[s]);
    }
    return buffer.rewind();
  }

  private static FloatBuffer direct(int floats) {
    return ByteBuffer.allocateDirect(floats * Float.BYTES).order(ByteOrder.nativeOrder())
        .asFloatBuffer();
  }

  /**
   * Stops the trial if {@code output}, {@code [rows, columns]} as {@code expected} is, differs
   * from {@code expected} by more than {@value #TOLERANCE} anywhere, or has another size.
   */
  static void check(String what, float[][] expected, OnnxTensor output) {
    FloatBuffer actual = output.getFloatBuffer();
    int columns = expected[0].length;
    if (actual.remaining() != expected.length * columns) {
      throw new IllegalStateException("ONNX Runtime's " + what + " prediction has "
          + actual.remaining() + " values instead of " + expected.length * columns);
    }
    double largest = 0;
    for (int s = 0; s < expected.length; s++) {
      for (int j = 0; j < columns; j++) {
        // Math.max keeps a NaN, which then fails the check below
        largest = Math.max(largest,
            Math.abs((double) expected[s][j] - actual.get(s * columns + j)));
      }
    }
    if (!(largest <= TOLERANCE)) {
      throw new IllegalStateException("ONNX Runtime's " + what + " prediction differs from"
          + " Dendrite's predict by up to " + largest + " (tolerance " + TOLERANCE + ")");
    }
  }
}
