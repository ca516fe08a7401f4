package dev.dendrite.processor.emit;

import com.palantir.javapoet.CodeBlock;
import java.util.ArrayList;
import java.util.List;

/**
 * A sum of terms in generated code. More than four terms go in parenthesized groups of four,
 * added left to right within each group and then group by group: the groups are independent
 * chains of additions, which the CPU runs side by side, where one chain of twenty dependent
 * additions makes a small layer wait on their latency. Every pass builds its sums here, so that
 * the same value comes out bit for bit the same in each.
 */
final class Sum {

  private static final int GROUP = 4;

  private final List<CodeBlock> terms = new ArrayList<>();

  /** Adds the term {@code format} with {@code args}, as {@link CodeBlock#of} takes them. */
  Sum add(String format, Object... args) {
    terms.add(CodeBlock.of(format, args));
    return this;
  }

  CodeBlock build() {
    if (terms.isEmpty()) {
      throw new IllegalStateException("a sum of no terms");
    }
    if (terms.size() <= GROUP) {
      return join(terms);
    }
    List<CodeBlock> groups = new ArrayList<>();
    for (int i = 0; i < terms.size(); i += GROUP) {
      List<CodeBlock> group = terms.subList(i, Math.min(i + GROUP, terms.size()));
      groups.add(group.size() == 1 ? group.get(0) : CodeBlock.of("($L)", join(group)));
    }
    return join(groups);
  }

  private static CodeBlock join(List<CodeBlock> parts) {
    CodeBlock.Builder code = CodeBlock.builder().add(parts.get(0));
    for (CodeBlock part : parts.subList(1, parts.size())) {
      code.add("$W+ ").add(part);
    }
    return code.build();
  }
}
