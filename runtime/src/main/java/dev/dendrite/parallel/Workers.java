package dev.dendrite.parallel;

import java.lang.ref.Cleaner;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed number of threads that run one {@link Task} together: part 0 on the calling thread,
 * parts {@code 1 .. threads-1} on helper threads that this object starts on first use and that
 * wait, parked, between tasks. {@link #run} returns when every part has finished. Dispatching a
 * task allocates nothing.
 *
 * <p>{@link #share} runs the same parts on whichever threads take them first: the caller never
 * waits for a helper to wake up, only for parts a helper has begun. It suits short tasks, which a
 * helper that has parked would delay by more than they take, and whose parts compute the same
 * values on any thread.
 *
 * <p>A {@code Workers} serves one caller at a time (the network that owns it). Its helper threads
 * are daemon threads; {@link #close} stops them, and {@link #ownedBy} has them
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
   * How long a waiting thread spins before it parks, in nanoseconds. A hand-off to a parked
   * thread costs tens of microseconds, to one still spinning one or two ({@code HandOffCost} in
   * the benchmarks module, docs/design.md); a split training step leaves the other thread waiting
   * some tens of microseconds between its parts (the loss and the transposed weights, on the
   * calling thread), which a shorter spin did not always cover.
   */
  private static final long SPIN_NANOS = 200_000L;

  private static final Cleaner CLEANER = Cleaner.create();

  private final int threads;
  private final Thread[] helpers;
  /**
   * The parts the caller still waits for: the helpers' parts of a task run by {@link #run}, every
   * part of one run by {@link #share}.
   */
  private final AtomicInteger remaining = new AtomicInteger();
  /**
   * For a shared task: its generation in the high 32 bits and the next part nobody has taken in
   * the low 32; a thread takes a part by raising the count while the generation is the same.
   */
  private final AtomicLong claims = new AtomicLong();
  private volatile Task task;
  /**
   * Counts the tasks: the number of the latest in all bits but the lowest, which is 1 for a task
   * run by {@link #share} and 0 for one run by {@link #run}.
   */
  private volatile long generation;
  private volatile boolean closed;
  private volatile Thread caller;
  /**
   * 1 for each helper that is parked or about to park, so that a new task unparks only those:
   * unparking a helper that was spinning costs the caller about half of a hand-off ({@code
   * HandOffCost}).
   */
  private final AtomicIntegerArray parked;
  /** Whether the caller is parked or about to park, waiting for the helpers. */
  private volatile boolean callerParked;
  /** When {@link #share} last began, by {@link System#nanoTime}; only the caller uses it. */
  private long lastShare;
  private volatile Throwable failure;

  /** A pool of {@code threads} threads in all, the caller included. */
  public Workers(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, was " + threads);
    }
    this.threads = threads;
    this.helpers = new Thread[threads - 1];
    this.parked = new AtomicIntegerArray(Math.max(threads - 1, 0));
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
    if (!post(task, threads - 1)) {
      return;
    }
    generation = ((generation >>> 1) + 1) << 1;
    wakeHelpers();
    Throwable own = null;
    try {
      task.run(0, threads);
    } catch (Throwable t) {
      own = t;
    }
    awaitParts();
    Throwable helperFailure = failure;
    rethrow(own == null ? helperFailure : own);
  }

  /**
   * Runs {@code task} once for each of {@link #threads} parts, each part on whichever thread takes
   * it first, and waits for all parts. Helpers that are spinning, having run a task within the
   * last 200 us, take parts as they come; the calling thread takes parts until none is left, and
   * waits only for parts a helper has begun. A parked helper is not woken for the task: waking it
   * would cost more than a short task, and a helper that wakes part-way would run its part with
   * its caches cold while the caller waits. Only when tasks come closer together than a helper
   * spins are parked helpers unparked, after the task, so that they take parts of the next one.
   * Which thread runs a part must not change what the part computes.
   */
  public void share(Task task) {
    if (!post(task, threads)) {
      return;
    }
    long number = (generation >>> 1) + 1;
    claims.set(number << 32);
    generation = number << 1 | 1;
    long now = System.nanoTime();
    boolean frequent = now - lastShare < SPIN_NANOS;
    lastShare = now;
    takeParts(number, task);
    awaitParts();
    if (frequent) {
      wakeHelpers();
    }
    rethrow(failure);
  }

  /**
   * Sets {@code task} up to run with {@code waitFor} parts to wait for, before its generation is
   * published; runs it whole on this thread instead, and returns false, when there are no helpers.
   */
  private boolean post(Task task, int waitFor) {
    if (closed) {
      throw new IllegalStateException("these workers are closed");
    }
    if (threads == 1) {
      task.run(0, 1);
      return false;
    }
    startHelpers();
    this.caller = Thread.currentThread();
    this.failure = null;
    this.task = task;
    remaining.set(waitFor);
    return true;
  }

  /**
   * Waits until no part remains, spinning for up to {@link #SPIN_NANOS} before parking, then
   * clears the task.
   */
  private void awaitParts() {
    long spinUntil = System.nanoTime() + SPIN_NANOS;
    while (remaining.get() > 0) {
      if (System.nanoTime() - spinUntil < 0) {
        Thread.onSpinWait();
      } else {
        callerParked = true;
        if (remaining.get() > 0) {
          LockSupport.park(this);
        }
        callerParked = false;
      }
    }
    this.task = null;
  }

  /** Counts one finished part, and unparks the caller if it was the last and the caller parked. */
  private void partDone() {
    if (remaining.decrementAndGet() == 0 && callerParked) {
      LockSupport.unpark(caller);
    }
  }

  /**
   * Takes and runs parts of shared task number {@code number} until none is left. A thread that
   * comes late finds none, or finds a later task's number in {@link #claims} and takes nothing:
   * the caller posts a task only once every part of the one before has been taken.
   */
  private void takeParts(long number, Task task) {
    while (true) {
      long claim = claims.get();
      int part = (int) claim;
      if (claim >>> 32 != (number & 0xFFFF_FFFFL) || part >= threads) {
        return;
      }
      if (!claims.compareAndSet(claim, claim + 1)) {
        continue;
      }
      try {
        task.run(part, threads);
      } catch (Throwable t) {
        failure = t;
      }
      partDone();
    }
  }

  /** Unparks the helpers that are parked or about to park. */
  private void wakeHelpers() {
    for (int i = 0; i < helpers.length; i++) {
      if (parked.get(i) != 0) {
        LockSupport.unpark(helpers[i]);
      }
    }
  }

  private static void rethrow(Throwable failure) {
    if (failure instanceof RuntimeException e) {
      throw e;
    }
    if (failure instanceof Error e) {
      throw e;
    }
    if (failure != null) {
      throw new IllegalStateException(failure);
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
          parked.set(part - 1, 1);
          if (generation == seen && !closed) {
            LockSupport.park(this);
          }
          parked.set(part - 1, 0);
        }
      }
      if (closed) {
        return;
      }
      long current = generation;
      seen = current;
      Task posted = task;
      if ((current & 1) != 0) {
        takeParts(current >>> 1, posted);
        continue;
      }
      try {
        posted.run(part, threads);
      } catch (Throwable t) {
        failure = t;
      }
      partDone();
    }
  }

  /**
   * A pool of {@code threads} threads in all, the caller included, that is closed once {@code
   * owner} becomes unreachable: what a network keeps in a field and never closes itself.
   */
  public static Workers ownedBy(Object owner, int threads) {
    Workers workers = new Workers(threads);
    CLEANER.register(owner, workers::close);
    return workers;
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
