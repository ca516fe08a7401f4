package dev.dendrite.spark;

import java.io.Serializable;

/**
 * The samples of one partition: global positions {@code [start, start + x.length)} of the
 * training (or validation) rows, in order, as feature and target rows. Cached on the executors
 * for the whole of a fit.
 */
record Shard(int start, float[][] x, float[][] y) implements Serializable {

  int size() {
    return x.length;
  }

  boolean owns(int i) {
    return i >= start && i < start + x.length;
  }
}
