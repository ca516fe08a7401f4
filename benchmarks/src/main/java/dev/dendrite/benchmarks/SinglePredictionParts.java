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
      // the kernels below read the batch the network last saw
      net.forward(batch, 1, false);
      long t1 = System.nanoTime();
      for (int i = 0; i < CALLS; i++) {
        halves.invoke(net, 0, 1);
      }
      long t2 = System.nanoTime();
      for (int i = 0; i < CALLS; i++) {
        halves.invoke(net, 0, 2);
      }
      long t3 = System.nanoTime();
      for (int i = 0; i < CALLS; i++) {
        halves.invoke(net, 1, 2);
      }
      long t4 = System.nanoTime();
      for (int i = 0; i < CALLS; i++) {
        rows.invoke(net, 0, 1);
      }
      long t5 = System.nanoTime();
      for (int i = 0; i < CALLS; i++) {
        hidden1.invoke(net, batch, 0, 1);
      }
      long t6 = System.nanoTime();
      for (int i = 0; i < CALLS; i++) {
        hidden2.invoke(net, hidden1Out, 0, 1);
      }
      long t7 = System.nanoTime();
      for (int i = 0; i < CALLS; i++) {
        scores.invoke(net, hidden2Out, 0, 1);
      }
      long t8 = System.nanoTime();
      System.out.printf("%d thread(s), in us: prediction %.2f; on the caller: both halves %.2f,"
              + " first %.2f, second %.2f, the rest %.2f (hidden1Forward %.2f, hidden2Forward"
              + " %.2f, scoresForward %.2f)%n", threads, micros(t1 - t0), micros(t2 - t1),
          micros(t3 - t2), micros(t4 - t3), micros(t5 - t4), micros(t6 - t5), micros(t7 - t6),
          micros(t8 - t7));
    }
  }

  private static double micros(long nanos) {
    return nanos / 1e3 / CALLS;
  }
}
