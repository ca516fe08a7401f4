package dev.dendrite.benchmarks;

import static dev.dendrite.benchmarks.DigitsInternals.field;
import static dev.dendrite.benchmarks.DigitsInternals.kernel;

import java.lang.reflect.Method;

/**
 * Where one prediction of the 784-256-128-10 network goes with the Vector API's kernels: the
 * whole prediction on the network's threads, then, on the calling thread alone, the first layer's
 * two parts together and each on its own, and the rest of the network after them, layer by layer.
 * The mean over 20,000 calls for each, six rounds. A loop harness that calls the generated kernels
 * by reflection, as {@link KernelTimes} does.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -Ddendrite.vector=true \
 *   -cp benchmarks/target/benchmarks.jar dev.dendrite.benchmarks.SinglePredictionParts [threads]
 * </pre>
 */
public final class SinglePredictionParts {

  private static final int CALLS = 20_000;

  private SinglePredictionParts() {}

  public static void main(String[] args) throws ReflectiveOperationException {
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
    DigitsNet net = new DigitsNet(1);
    net.setThreads(threads);
    float[] input = DigitsInternals.sample();
    float[][] batch = {input};
    float[] output = new float[DigitsNet.OUTPUT_SIZE];
    Method halves = kernel("hidden1ForwardHalves");
    Method rows = kernel("forwardRows");
    Method hidden1 = kernel("hidden1Forward");
    Method hidden2 = kernel("hidden2Forward");
    Method scores = kernel("scoresForward");
    Object hidden1Out = field(net, "hidden1Out");
    Object hidden2Out = field(net, "hidden2Out");
    for (int round = 0; round < 6; round++) {
      long t0 = System.nanoTime();
      for (int i = 0; i < CALLS; i++) {
        net.predict(input, output);
      }
      double prediction = (System.nanoTime() - t0) / 1e3 / CALLS;
      // the kernels below read the batch the network last saw
      net.forward(batch, 1, false);
      System.out.printf("%d thread(s), in us: prediction %.2f; on the caller: both halves %.2f,"
              + " first %.2f, second %.2f, the rest %.2f (hidden1Forward %.2f, hidden2Forward"
              + " %.2f, scoresForward %.2f)%n", threads, prediction, micros(halves, net, 0, 1),
          micros(halves, net, 0, 2), micros(halves, net, 1, 2), micros(rows, net, 0, 1),
          micros(hidden1, net, batch, 0, 1), micros(hidden2, net, hidden1Out, 0, 1),
          micros(scores, net, hidden2Out, 0, 1));
    }
  }

  /** Microseconds of one call of {@code kernel} with {@code args}, over {@link #CALLS} calls. */
  private static double micros(Method kernel, DigitsNet net, Object... args)
      throws ReflectiveOperationException {
    long start = System.nanoTime();
    for (int i = 0; i < CALLS; i++) {
      kernel.invoke(net, args);
    }
    return (System.nanoTime() - start) / 1e3 / CALLS;
  }
}
