package dev.dendrite.processor.emit;

import com.palantir.javapoet.CodeBlock;
import java.util.List;

/**
 * A sum of terms in an unrolled kernel, written as Java source. Up to {@value #GROUP} terms are
 * added left to right; more are added in groups of {@value #GROUP}, left to right within each
 * group, and the group sums then left to right:
 *
 * <pre>{@code
 * z = (b + x0 * w0 + x1 * w1 + x2 * w2)
 *     + (x3 * w3 + x4 * w4 + x5 * w5 + x6 * w6)
 *     + ...
 * }</pre>
 *
 * <p>Java evaluates every addition in the order written, so the groups fix the rounding as
 * surely as one chain does, and each sum is the same wherever it is written this way (a batch's
 * forward pass and a prediction in local variables). The groups do not wait for one another: a
 * sum of {@code n} terms waits for about {@code GROUP + n / GROUP} additions one after the other
 * instead of {@code n}, which for the 20-unit hidden layer of the tiny benchmark network took 21
 * additions in a row down to 8.
 */
final class Sums {

  /** Terms per group. */
  static final int GROUP = 4;

  private Sums() {}

  /** The sum of {@code terms}, each a complete expression, in their order. */
  static CodeBlock of(List<CodeBlock> terms) {
    if (terms.isEmpty()) {
      throw new IllegalArgumentException("a sum needs at least one term");
    }
    CodeBlock.Builder sum = CodeBlock.builder();
    if (terms.size() <= GROUP) {
      chain(sum, terms);
      return sum.build();
    }
    for (int from = 0; from < terms.size(); from += GROUP) {
      List<CodeBlock> group = terms.subList(from, Math.min(from + GROUP, terms.size()));
      if (from > 0) {
        sum.add("$W+ ");
      }
      if (group.size() == 1) {
        sum.add(group.get(0));
      } else {
        sum.add("(");
        chain(sum, group);
        sum.add(")");
      }
    }
    return sum.build();
  }

  private static void chain(CodeBlock.Builder sum, List<CodeBlock> terms) {
    for (int i = 0; i < terms.size(); i++) {
      if (i > 0) {
        sum.add("$W+ ");
      }
      sum.add(terms.get(i));
    }
  }
}
