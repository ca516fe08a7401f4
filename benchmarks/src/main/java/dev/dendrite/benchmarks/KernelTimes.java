package dev.dendrite.benchmarks;

import static dev.dendrite.benchmarks.DigitsInternals.field;
import static dev.dendrite.benchmarks.DigitsInternals.kernel;

import dev.dendrite.optim.Adam;
import dev.dendrite.optim.Sgd;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a training step goes: trains the large benchmark network at batch 128 on the given number
 * of threads (as JMH's {@link DigitsBenchmark} does), timing its forward pass, backward pass and
 * optimizer step apart, then times each generated kernel of it
 * alone, on the calling thread, over the ranges the threads would take; then the tiny network's
 * training forward pass, forward and backward pass, SGD step and prediction apart. Adam is
 * timed three ways: repeated alone (its data in the caller's cache), right after a backward pass
 * on the calling thread ({@code adam.step(net.parameters())}), and right after a backward pass
 * split as {@code net.step(adam)} splits it. A loop harness,
 * not JMH: it shows which compiled method is slow after an emitter change (HotSpot's C2 has
 * compiled a kernel's inner loops to scalar code in some runs and not in others), so run it
 * several times.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar dev.dendrite.benchmarks.KernelTimes 2}
 */
public final class KernelTimes {

  private static final int BATCH = 128;
  private static final String[] ROW_KERNELS = {"hidden1Forward", "hidden2Forward",
      "scoresForward", "scoresInputGradient", "hidden2Backward", "hidden2InputGradient",
      "hidden1Backward"};
  private static final String[] GRADIENT_KERNELS = {"hidden1ParameterGradient",
      "hidden2ParameterGradient", "scoresParameterGradient"};

  private static float sink;

  private KernelTimes() {}

  public static void main(String[] args) throws ReflectiveOperationException {
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : 1;
    large(threads);
    tiny();
  }

  private static void large(int threads) throws ReflectiveOperationException {
    DigitsNet net = new DigitsNet(1);
    net.setThreads(threads);
    Adam adam = new Adam();
    DigitsData data = new DigitsData(BATCH, 2);
    float[][] input = data.images;
    float[][] target = data.labels;
    for (int round = 0; round < 5; round++) {
      long forward = 0;
      long backward = 0;
      long update = 0;
      for (int i = 0; i < 500; i++) {
        long t0 = System.nanoTime();
        net.forward(input, BATCH, true);
        long t1 = System.nanoTime();
        net.backward(target);
        long t2 = System.nanoTime();
        net.step(adam);
        long t3 = System.nanoTime();
        forward += t1 - t0;
        backward += t2 - t1;
        update += t3 - t2;
      }
      long step = (forward + backward + update) / 500;
      long adamStart = System.nanoTime();
      for (int i = 0; i < 500; i++) {
        adam.step(net.parameters());
      }
      long adamTime = (System.nanoTime() - adamStart) / 500;
      // Adam right after a backward pass: on the calling thread, and split as net.step does
      long onCaller = 0;
      long split = 0;
      for (int i = 0; i < 500; i++) {
        net.forward(input, BATCH, true);
        net.backward(target);
        long t0 = System.nanoTime();
        if (i % 2 == 0) {
          adam.step(net.parameters());
          onCaller += System.nanoTime() - t0;
        } else {
          net.step(adam);
          split += System.nanoTime() - t0;
        }
      }
      List<String> times = new ArrayList<>();
      times.add("Adam after backward, on the caller " + micros(onCaller / 250) + ", net.step "
          + micros(split / 250));
      for (String name : ROW_KERNELS) {
        times.add(name + " " + micros(timeRows(net, name, input, threads)));
      }
      for (String name : GRADIENT_KERNELS) {
        times.add(name + " " + micros(timeGradient(net, name, threads)));
      }
      System.out.printf("%d thread(s): step %s us (forward %s, backward %s, net.step(adam) %s),"
              + " Adam %s us; alone, in us: %s%n", threads, micros(step), micros(forward / 500),
          micros(backward / 500), micros(update / 500), micros(adamTime),
          String.join(", ", times));
    }
  }

  /** Nanoseconds of one call of row kernel {@code name} over every part of the batch. */
  private static long timeRows(DigitsNet net, String name, float[][] input, int parts)
      throws ReflectiveOperationException {
    Method kernel = kernel(name);
    Object in = switch (name) {
      case "hidden1Forward" -> input;
      case "hidden2Forward" -> field(net, "hidden1Out");
      case "scoresForward" -> field(net, "hidden2Out");
      default -> null;
    };
    int reps = 200;
    long start = System.nanoTime();
    for (int i = 0; i < reps; i++) {
      for (int part = 0; part < parts; part++) {
        int from = BATCH * part / parts;
        int to = BATCH * (part + 1) / parts;
        if (in != null) {
          kernel.invoke(net, in, from, to);
        } else {
          kernel.invoke(net, from, to);
        }
      }
    }
    return (System.nanoTime() - start) / reps;
  }

  /** Nanoseconds of one call of parameter-gradient kernel {@code name} over every part. */
  private static long timeGradient(DigitsNet net, String name, int parts)
      throws ReflectiveOperationException {
    Method kernel = kernel(name);
    int reps = 200;
    long start = System.nanoTime();
    for (int i = 0; i < reps; i++) {
      for (int part = 0; part < parts; part++) {
        kernel.invoke(net, BATCH, part, parts);
      }
    }
    return (System.nanoTime() - start) / reps;
  }

  private static void tiny() {
    TinyNet net = new TinyNet(1);
    net.setThreads(1);
    Sgd sgd = Sgd.plain(0.05f);
    float[][] input = {{0.3f, -0.7f}};
    float[][] target = {{1f}};
    float[] output = new float[1];
    int n = 10_000_000;
    for (int round = 0; round < 5; round++) {
      long t0 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        net.forward(input, 1, true);
      }
      long t1 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        net.forward(input, 1, true);
        sink += net.backward(target);
      }
      long t2 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        sgd.step(net.parameters());
      }
      long t3 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        net.predict(input[0], output);
        sink += output[0];
      }
      long t4 = System.nanoTime();
      System.out.printf("tiny, in ns: training forward %.1f, forward + backward %.1f, SGD step"
          + " %.1f, prediction %.1f%n", (t1 - t0) / (double) n, (t2 - t1) / (double) n,
          (t3 - t2) / (double) n, (t4 - t3) / (double) n);
    }
  }


  private static String micros(long nanos) {
    return String.format("%.0f", nanos / 1e3);
  }
}
