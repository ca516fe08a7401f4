package dev.dendrite.spark;

import dev.dendrite.parallel.Workers;

/**
 * Sends global position {@code i} of {@code count} rows to partition {@code p} when {@code
 * Workers.start(count, p, parts) <= i < Workers.start(count, p + 1, parts)}: contiguous ranges
 * whose sizes differ by at most one.
 */
final class RangePartitioner extends org.apache.spark.Partitioner {

  private static final long serialVersionUID = 1L;

  private final int count;
  private final int parts;

  RangePartitioner(int count, int parts) {
    this.count = count;
    this.parts = parts;
  }

  static int start(int count, int part, int parts) {
    return Workers.start(count, part, parts);
  }

  @Override
  public int numPartitions() {
    return parts;
  }

  @Override
  public int getPartition(Object key) {
    long i = (Long) key;
    int lo = 0;
    int hi = parts - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (start(count, mid, parts) <= i) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RangePartitioner r && r.count == count && r.parts == parts;
  }

  @Override
  public int hashCode() {
    return count * 31 + parts;
  }
}
