package dev.dendrite.processor.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.palantir.javapoet.CodeBlock;
import org.junit.jupiter.api.Test;

class SumTest {

  private static String sum(int terms) {
    Sum sum = new Sum();
    for (int i = 0; i < terms; i++) {
      sum.add("t$L", i);
    }
    // as a statement, which ends the line the wrapping spaces wait on
    String statement = CodeBlock.of("$L;\n", sum.build()).toString();
    return statement.substring(0, statement.length() - 2).replace("\n", " ").replaceAll(" +", " ");
  }

  @Test
  void upToFourTermsAddLeftToRight() {
    assertEquals("t0", sum(1));
    assertEquals("t0 + t1 + t2 + t3", sum(4));
  }

  @Test
  void moreTermsGoInGroupsOfFourAddedGroupByGroup() {
    assertEquals("(t0 + t1 + t2 + t3) + t4", sum(5));
    assertEquals("(t0 + t1 + t2 + t3) + (t4 + t5 + t6 + t7) + (t8 + t9)", sum(10));
  }

  @Test
  void aSumNeedsATerm() {
    assertThrows(IllegalStateException.class, () -> new Sum().build());
  }
}
