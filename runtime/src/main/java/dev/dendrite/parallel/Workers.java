package dev.dendrite.parallel;

import java.lang.ref.Cleaner;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed number of threads that run one {@link Task} together: part 0 on the calling thread,
 * parts {@code 1 .. threads-1} on helper threads that this object starts on first use and that
 * wait, parked, between tasks. {@link #run} returns when every part has finished. Dispatching a
 * task allocates nothing.
 *
 * <p>A {@code Workers} serves one caller at a time (the network that owns it). Its helper threads
 * are daemon threads; {@link #close} stops them, and {@link #closeWhenUnreachable} has them
 * stopped once their owner is garbage.
 */
public final class Workers implements AutoCloseable {

  /** One piece of parallel work, run once for each part. */
  @FunctionalInterface
  public interface Task {
    /** Runs part {@code part} of {@code parts}. */
    void run(int part, int parts);
  }

  /** System property that sets the default number of threads. */
  public static final String THREADS_PROPERTY = "dendrite.threads";

  /**
   * How long a waiting thread spins before it parks, in nanoseconds. On the Zen 5 machine a
   * hand-off to a thread that had parked took 16-20 us after the caller had been busy for 50-100
   * us, and 81-115 us after 300-1000 us, against 1-2 us to a thread still spinning ({@code
   * HandOffCost} in the benchmarks module). A split training step leaves the other thread waiting
   * for some tens of microseconds between its parts (the loss and the transposed weights, on the
   * calling thread), which 2,000 {@link Thread#onSpinWait} calls, 20-50 us there, did not always
   * cover.
   */
  private static final long SPIN_NANOS = 200_000L;

  private static final Cleaner CLEANER = Cleaner.create();

  private final int threads;
  private final Thread[] helpers;
  private final AtomicInteger remaining = new AtomicInteger();
  private volatile Task task;
  private volatile long generation;
  private volatile boolean closed;
  private volatile Thread caller;
  private volatile Throwable failure;

  /** A pool of {@code threads} threads in all, the caller included. */
  public Workers(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, was " + threads);
    }
    this.threads = threads;
    this.helpers = new Thread[threads - 1];
  }

  /**
   * The default number of threads: the system property {@value #THREADS_PROPERTY} if set, else
   * the number of available processors.
   */
  public static int defaultThreads() {
    String value = System.getProperty(THREADS_PROPERTY);
    if (value != null) {
      try {
        int threads = Integer.parseInt(value.trim());
        if (threads >= 1) {
          return threads;
        }
      } catch (NumberFormatException e) {
        // fall through to the processor count
      }
      throw new IllegalArgumentException(
          "-D" + THREADS_PROPERTY + " must be a whole number of at least 1, was '" + value + "'");
    }
    return Runtime.getRuntime().availableProcessors();
  }

  /** The number of threads, the caller included. */
  public int threads() {
    return threads;
  }

  /**
   * The first index of part {@code part} when {@code count} items are split into {@code parts}
   * contiguous parts whose sizes differ by at most one; part {@code p} is {@code [start(count, p,
   * parts), start(count, p + 1, parts))}.
   */
  public static int start(int count, int part, int parts) {
    return (int) ((long) count * part / parts);
  }

  /** Runs {@code task} once for each part, part 0 on this thread, and waits for all parts. */
  public void run(Task task) {
    if (closed) {
      throw new IllegalStateException("these workers are closed");
    }
    if (threads == 1) {
      task.run(0, 1);
      return;
    }
    startHelpers();
    this.caller = Thread.currentThread();
    this.failure = null;
    this.task = task;
    remaining.set(threads - 1);
    generation++;
    for (Thread helper : helpers) {
      LockSupport.unpark(helper);
    }
    Throwable own = null;
    try {
      task.run(0, threads);
    } catch (Throwable t) {
      own = t;
    }
    long spinUntil = System.nanoTime() + SPIN_NANOS;
    while (remaining.get() > 0) {
      if (System.nanoTime() - spinUntil < 0) {
        Thread.onSpinWait();
      } else {
        LockSupport.park(this);
      }
    }
    this.task = null;
    Throwable helperFailure = failure;
    if (own == null) {
      own = helperFailure;
    }
    if (own instanceof RuntimeException e) {
      throw e;
    }
    if (own instanceof Error e) {
      throw e;
    }
    if (own != null) {
      throw new IllegalStateException(own);
    }
  }

  private void startHelpers() {
    if (helpers.length == 0 || helpers[0] != null) {
      return;
    }
    for (int i = 0; i < helpers.length; i++) {
      int part = i + 1;
      Thread helper = new Thread(() -> loop(part), "dendrite-worker-" + part);
      helper.setDaemon(true);
      helpers[i] = helper;
      helper.start();
    }
  }

  private void loop(int part) {
    long seen = 0;
    while (!closed) {
      long spinUntil = System.nanoTime() + SPIN_NANOS;
      while (generation == seen && !closed) {
        if (System.nanoTime() - spinUntil < 0) {
          Thread.onSpinWait();
        } else {
          LockSupport.park(this);
        }
      }
      if (closed) {
        return;
      }
      seen = generation;
      try {
        task.run(part, threads);
      } catch (Throwable t) {
        failure = t;
      }
      if (remaining.decrementAndGet() == 0) {
        LockSupport.unpark(caller);
      }
    }
  }

  /** Has {@link #close} called once {@code owner} becomes unreachable; returns this. */
  public Workers closeWhenUnreachable(Object owner) {
    CLEANER.register(owner, this::close);
    return this;
  }

  /** Stops the helper threads; {@link #run} fails afterwards. */
  @Override
  public void close() {
    closed = true;
    for (Thread helper : helpers) {
      if (helper != null) {
        LockSupport.unpark(helper);
      }
    }
  }
}
