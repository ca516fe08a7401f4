package dev.dendrite.random;

/**
 * A small, fast, seedable random generator (SplitMix64) whose whole state is one {@code long}, so
 * that it can be saved and restored exactly. Not for cryptography.
 */
public final class Rng {

  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private long state;

  /** A generator started from {@code seed}. */
  public Rng(long seed) {
    this.state = seed;
  }

  /** The current state; {@code new Rng(s)} continues the same sequence. */
  public long state() {
    return state;
  }

  /** Restores a state returned by {@link #state()}. */
  public void setState(long state) {
    this.state = state;
  }

  /** The next 64 random bits. */
  public long nextLong() {
    long z = (state += GOLDEN_GAMMA);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Uniform in [0, 1), 53 random bits. */
  public double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /** Uniform in [0, 1), 24 random bits. */
  public float nextFloat() {
    return (nextLong() >>> 40) * 0x1.0p-24f;
  }

  /** Uniform in [0, bound), without modulo bias; {@code bound} must be positive. */
  public int nextInt(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be positive, was " + bound);
    }
    long r = (nextLong() >>> 33) * bound;
    return (int) (r >>> 31);
  }

  /** A standard normal value (Box-Muller; one value per two uniforms). */
  public double nextGaussian() {
    double u1 = 1.0 - nextDouble();
    double u2 = nextDouble();
    return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
  }
}
