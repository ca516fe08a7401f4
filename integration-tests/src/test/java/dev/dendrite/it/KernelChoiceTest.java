package dev.dendrite.it;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dendrite.kernel.Kernels;
import org.junit.jupiter.api.Test;

/**
 * Networks use the Vector API kernels exactly when asked to with {@code -Ddendrite.vector=true}
 * in a JVM that has the module: this build runs the tests both ways, and the run that asks adds
 * the module, on every JDK the build runs on.
 */
class KernelChoiceTest {

  @Test
  void vectorKernelsAreUsedExactlyWhenAskedFor() {
    boolean asked = Boolean.getBoolean(Kernels.VECTOR_PROPERTY);
    boolean present = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    if (asked) {
      assertTrue(present,
          "the run with " + Kernels.VECTOR_PROPERTY + " adds jdk.incubator.vector");
      assertNotNull(Kernels.VECTOR, Kernels.describe());
      assertTrue(Kernels.describe().startsWith("Vector API kernels"), Kernels.describe());
    } else {
      assertNull(Kernels.VECTOR, Kernels.describe());
      assertTrue(Kernels.describe().startsWith("plain Java kernels"), Kernels.describe());
    }
  }
}
