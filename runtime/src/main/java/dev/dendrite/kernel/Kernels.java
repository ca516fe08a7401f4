package dev.dendrite.kernel;

import java.lang.System.Logger.Level;

/**
 * Chooses the matrix kernels of looped dense layers once per JVM.
 *
 * <p>By default generated networks run plain Java loops that HotSpot vectorizes by itself and
 * that need no JVM flags. With {@code -Ddendrite.vector=true} and the incubating Vector API
 * module present ({@code --add-modules jdk.incubator.vector} on the {@code java} command line,
 * JDK 17 or later), they call kernels written with the Vector API instead: register tiles and
 * explicit fused multiply-adds. Only the JVM that runs the network needs the flag; code that
 * declares or uses networks compiles without it. Results of the two differ in the last bits,
 * since a fused multiply-add rounds once.
 */
public final class Kernels {

  /** The system property that asks for the Vector API kernels. */
  public static final String VECTOR_PROPERTY = "dendrite.vector";

  private static final String VECTOR_MODULE = "jdk.incubator.vector";
  private static final String VECTOR_CLASS = "dev.dendrite.kernel.vector.VectorMatrixKernels";

  /**
   * The Vector API kernels if {@value #VECTOR_PROPERTY} is {@code true} and the module is
   * present, else {@code null}: generated networks then run their own loops.
   */
  public static final MatrixKernels VECTOR = loadVector();

  private Kernels() {}

  /** A line that says which kernels generated networks use, and why. */
  public static String describe() {
    if (VECTOR != null) {
      return "Vector API kernels (" + VECTOR + ")";
    }
    if (!Boolean.getBoolean(VECTOR_PROPERTY)) {
      return "plain Java kernels (-D" + VECTOR_PROPERTY + "=true for the Vector API)";
    }
    return "plain Java kernels: -D" + VECTOR_PROPERTY + "=true needs --add-modules "
        + VECTOR_MODULE + " on the java command line";
  }

  private static MatrixKernels loadVector() {
    if (!Boolean.getBoolean(VECTOR_PROPERTY)) {
      return null;
    }
    if (ModuleLayer.boot().findModule(VECTOR_MODULE).isEmpty()) {
      System.getLogger(Kernels.class.getName()).log(Level.WARNING,
          "-D" + VECTOR_PROPERTY + "=true is ignored: run java with --add-modules "
              + VECTOR_MODULE + "; using plain Java kernels");
      return null;
    }
    try {
      return (MatrixKernels) Class.forName(VECTOR_CLASS).getConstructor().newInstance();
    } catch (ReflectiveOperationException | LinkageError e) {
      System.getLogger(Kernels.class.getName()).log(Level.WARNING,
          "Vector API kernels could not be loaded; using plain Java kernels", e);
      return null;
    }
  }
}
