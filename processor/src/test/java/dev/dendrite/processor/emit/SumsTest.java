package dev.dendrite.processor.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.palantir.javapoet.CodeBlock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SumsTest {

  private static List<CodeBlock> terms(int count) {
    List<CodeBlock> terms = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      terms.add(CodeBlock.of("t$L", i));
    }
    return terms;
  }

  /** The sum as it appears in a statement, on one line. */
  private static String sum(int count) {
    String statement = CodeBlock.builder().addStatement("z = $L", Sums.of(terms(count))).build()
        .toString().replaceAll("\\s+", " ").trim();
    return statement.substring("z = ".length(), statement.length() - 1);
  }

  @Test
  void upToAGroupIsOneChain() {
    assertEquals("t0", sum(1));
    assertEquals("t0 + t1 + t2 + t3", sum(4));
  }

  @Test
  void longerSumsAddGroupsOfFourLeftToRight() {
    assertEquals("(t0 + t1 + t2 + t3) + t4", sum(5));
    assertEquals("(t0 + t1 + t2 + t3) + (t4 + t5 + t6 + t7) + (t8 + t9)", sum(10));
    assertEquals("(t0 + t1 + t2 + t3) + (t4 + t5 + t6 + t7) + (t8 + t9 + t10 + t11)"
        + " + (t12 + t13 + t14 + t15) + (t16 + t17 + t18 + t19) + t20", sum(21));
  }

  @Test
  void aSumNeedsATerm() {
    assertThrows(IllegalArgumentException.class, () -> Sums.of(List.of()));
  }
}
