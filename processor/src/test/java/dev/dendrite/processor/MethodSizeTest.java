package dev.dendrite.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.dendrite.processor.plan.Planner;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;

/**
 * HotSpot does not JIT-compile a method of more than 8000 bytes of bytecode: every generated
 * method, read from the class files of a real compilation, stays below that, for a large network
 * and for layers at the unroll threshold.
 */
class MethodSizeTest {

  /** HotSpot's {@code HugeMethodLimit}. */
  static final int HUGE_METHOD_LIMIT = 8000;

  @Test
  void largeNetworkMethodsStayCompilable() throws IOException {
    Map<String, Integer> sizes = methodSizes(Sources.compile(Sources.network("Large",
        "@Network(loss = Loss.CATEGORICAL_CROSS_ENTROPY, doublePrecision = true)",
        "abstract class Large {",
        "  @Input(784) Layer pixels;",
        "  @Dense(units = 1024, activation = RELU) Layer hidden1;",
        "  @Dropout(0.5) Layer drop;",
        "  @Dense(units = 1024, activation = TANH) Layer hidden2;",
        "  @Dense(units = 10, activation = SOFTMAX) Layer scores;",
        "}")), "test.LargeNet", "test.LargeNetDouble");
    assertTrue(sizes.containsKey("test.LargeNet.hidden1Forward"), sizes.keySet().toString());
    assertAllBelowLimit(sizes);
  }

  @Test
  void layersAtTheUnrollThresholdStayCompilable() throws IOException {
    // The largest unrolled layers: 16 x 16, 4 x 64 and 64 x 4 weights; then 256 x 1 and 1 x 256,
    // which have as many weights but too many units or inputs to be unrolled.
    int weights = Planner.UNROLL_MAX_WEIGHTS;
    int side = Planner.UNROLL_MAX_SIDE;
    Map<String, Integer> sizes = methodSizes(Sources.compile(Sources.network("Threshold",
        "@Network(loss = Loss.MSE, doublePrecision = true)",
        "abstract class Threshold {",
        "  @Input(16) Layer in;",
        "  @Dense(units = 16, activation = GELU) Layer square;",
        "  @Dense(units = " + side + ", activation = SIGMOID) Layer wide;",
        "  @Dense(units = " + weights / side + ", activation = TANH) Layer narrow;",
        "  @Dense(units = " + weights + ", activation = SWISH) Layer fan;",
        "  @Dense(units = 1, activation = MISH) Layer single;",
        "  @Dense(units = " + weights + ", activation = ELU) Layer spread;",
        "  @Dense(units = 1) Layer out;",
        "}")), "test.ThresholdNet", "test.ThresholdNetDouble");
    assertTrue(sizes.containsKey("test.ThresholdNet.squareForward"), sizes.keySet().toString());
    assertAllBelowLimit(sizes);
  }

  @Test
  void unrolledLayersWithATermPerWeightStayCompilable() throws IOException {
    // 64 x 4 and 4 x 64 at the threshold, PRELU and a softmax on the way: each unrolled product
    // writes a term per weight, and the double twin's terms take the most bytes.
    Map<String, Integer> sizes = methodSizes(Sources.compile(Sources.network("Terms",
        "@Network(loss = Loss.CATEGORICAL_CROSS_ENTROPY, doublePrecision = true)",
        "abstract class Terms {",
        "  @Input(64) Layer in;",
        "  @Dense(units = 4, activation = PRELU) Layer tall;",
        "  @Dense(units = 64, activation = TANH) Layer broad;",
        "  @Dense(units = 4, activation = SOFTMAX) Layer out;",
        "}")), "test.TermsNet", "test.TermsNetDouble");
    assertTrue(sizes.get("test.TermsNetDouble.broadInputGradient") > 1000, sizes.toString());
    assertAllBelowLimit(sizes);
  }

  private static void assertAllBelowLimit(Map<String, Integer> sizes) {
    List<String> huge = new ArrayList<>();
    sizes.forEach((method, size) -> {
      if (size >= HUGE_METHOD_LIMIT) {
        huge.add(method + ": " + size + " bytes");
      }
    });
    assertTrue(huge.isEmpty(), "methods HotSpot would not compile: " + huge);
    assertFalse(sizes.isEmpty());
  }

  /** Bytecode length of every method of the named classes, keyed {@code class.method}. */
  static Map<String, Integer> methodSizes(Compilation compilation, String... classNames)
      throws IOException {
    assertThat(compilation).succeeded();
    Map<String, Integer> sizes = new LinkedHashMap<>();
    for (String className : classNames) {
      JavaFileObject file = compilation.generatedFile(javax.tools.StandardLocation.CLASS_OUTPUT,
          className.replace('.', '/') + ".class").orElseThrow();
      byte[] bytes;
      try (InputStream in = file.openInputStream()) {
        bytes = in.readAllBytes();
      }
      codeLengths(new ClassReader(bytes)).forEach((m, n) -> sizes.put(className + "." + m, n));
    }
    return sizes;
  }

  /**
   * Walks the class file (JVMS 4.1, 4.6, 4.7.3) for the {@code code_length} of each method's
   * Code attribute; ASM reads the constant pool.
   */
  static Map<String, Integer> codeLengths(ClassReader reader) {
    char[] buffer = new char[reader.getMaxStringLength()];
    int offset = reader.header + 6;
    offset += 2 + 2 * reader.readUnsignedShort(offset);
    int fields = reader.readUnsignedShort(offset);
    offset += 2;
    for (int i = 0; i < fields; i++) {
      offset = skipAttributes(reader, offset + 6);
    }
    Map<String, Integer> lengths = new LinkedHashMap<>();
    int methods = reader.readUnsignedShort(offset);
    offset += 2;
    for (int i = 0; i < methods; i++) {
      String name = reader.readUTF8(offset + 2, buffer);
      int attributes = reader.readUnsignedShort(offset + 6);
      offset += 8;
      for (int a = 0; a < attributes; a++) {
        String attribute = reader.readUTF8(offset, buffer);
        int length = reader.readInt(offset + 2);
        if (attribute.equals("Code")) {
          lengths.merge(name, reader.readInt(offset + 10), Math::max);
        }
        offset += 6 + length;
      }
    }
    return lengths;
  }

  private static int skipAttributes(ClassReader reader, int offset) {
    int attributes = reader.readUnsignedShort(offset);
    offset += 2;
    for (int a = 0; a < attributes; a++) {
      offset += 6 + reader.readInt(offset + 2);
    }
    return offset;
  }
}
