package dev.dendrite.processor.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.dendrite.processor.plan.Blocking;
import java.util.Arrays;
import javax.lang.model.element.Modifier;

/**
 * Writes the blocked loop nest of a looped layer's product {@code out[s] = start + in[s] · M}
 * for samples {@code from..to-1}, where {@code M} is stored as rows {@code [inputs][outputs]}:
 * the forward pass ({@code z = x · W + b}) and the input gradient on transposed weights ({@code
 * d = dz · W^T}) are both this product.
 *
 * <p>Each pass of the inner loop runs over the outputs with the same index on every array, so that
 * HotSpot's C2 vectorizes it, and serves {@link Blocking#forwardSamples} samples and {@link
 * Blocking#forwardInputs} rows of {@code M}. A matrix of more than {@link
 * Blocking#forwardTileWeights} values is taken in tiles of rows that every sample uses before the
 * next. Each output takes its sum in the same order either way: from the start value (the bias, or
 * zero), over the rows of {@code M} in order, in blocks.
 *
 * <p>The tiles go in a method of their own ({@link #tilesMethod}): inside the larger method that
 * also sets the start values and finishes the rows, HotSpot's C2 compiled the inner loops of the
 * tiles to scalar code in some runs (most runs of a batch split over two threads), and never
 * once they stood apart.
 */
final class BlockedProduct {

  /**
   * The identifiers of one product.
   *
   * @param in the expression of the input rows, {@code [samples][inputs]}
   * @param matrix the field holding {@code M}
   * @param out the buffer of the output rows
   * @param inputs the rows of {@code M}
   * @param inputsConstant the constant that holds {@code inputs}
   * @param outputsConstant the constant that holds the outputs per row
   * @param bias whether a local {@code b} holds the start value of each output, else zero
   * @param inRow the prefix of an input row's local ({@code x} for {@code x0 = in[s]})
   * @param outRow the prefix of an output row's local
   * @param matrixRow the prefix of a row of {@code M}'s local
   * @param rowIndex the index over the rows of {@code M}
   * @param outputIndex the index over the outputs, in the inner loop
   */
  record Operands(
      String in,
      String matrix,
      String out,
      int inputs,
      String inputsConstant,
      String outputsConstant,
      boolean bias,
      String inRow,
      String outRow,
      String matrixRow,
      String rowIndex,
      String outputIndex) {}

  /** Code that finishes one sample's output row once its sums are complete. */
  interface Finish {
    /**
     * Writes the code for the output row in local {@code row}, the {@code i}-th of its block, of
     * sample {@code sample}.
     */
    void write(MethodSpec.Builder m, int i, String row, String sample);
  }

  private final Precision p;
  private final Blocking blocking;
  private final Operands o;
  private final int outputs;
  private final Finish finish;
  private final String tiles;

  /**
   * A product of {@code outputs} outputs per row; {@code finish}, if not null, runs on each
   * sample's finished row; {@code tiles} names the method that holds the tiles, if there are.
   */
  BlockedProduct(Precision p, Blocking blocking, Operands operands, int outputs, Finish finish,
      String tiles) {
    this.p = p;
    this.blocking = blocking;
    this.o = operands;
    this.outputs = outputs;
    this.finish = finish;
    this.tiles = tiles;
  }

  /** Samples per pass of the inner loop. */
  int samples() {
    return blocking.forwardSamples();
  }

  /** Rows of {@code M} per pass of the inner loop. */
  int rows() {
    return blocking.forwardInputs();
  }

  private int blocked() {
    return o.inputs() - o.inputs() % rows();
  }

  /** The rows of {@code M} per tile. */
  int tileRows() {
    return blocking.forwardTileRows(outputs);
  }

  /** Whether {@code M} is taken in tiles of {@link #tileRows} rows. */
  boolean tiled() {
    return blocking.tiles(o.inputs(), outputs);
  }

  /** Writes the loop nest. */
  void write(MethodSpec.Builder m) {
    if (tiled()) {
      writeTiled(m);
      return;
    }
    m.addStatement("int s = from");
    if (samples() > 1) {
      blockLoop(m, "s", "to", samples());
      block(m, samples());
      m.endControlFlow();
    }
    m.beginControlFlow("for (; s < to; s++)");
    block(m, 1);
    m.endControlFlow();
  }

  /**
   * Tile by tile: the start values, the call of {@link #tilesMethod}, then the rows past the last
   * whole block and {@code finish}.
   */
  private void writeTiled(MethodSpec.Builder m) {
    int blocked = blocked();
    m.beginControlFlow("for (int s = from; s < to; s++)");
    start(m, o.out() + "[s]");
    m.endControlFlow();
    m.addStatement("$L($L, from, to)", tiles, o.in());
    boolean remainder = blocked != o.inputs();
    if (!remainder && finish == null) {
      return;
    }
    m.beginControlFlow("for (int s = from; s < to; s++)");
    String row = o.outRow() + "0";
    if (remainder) {
      m.addStatement("$T $L0 = $L[s]", p.vector, o.inRow(), o.in());
      m.addStatement("$T $L = $L[s]", p.vector, row, o.out());
      m.addStatement("int $L = $L", o.rowIndex(), end(blocked));
      rowBlock(m, 1, 1);
    } else {
      m.addStatement("$T $L = $L[s]", p.vector, row, o.out());
    }
    if (finish != null) {
      finish.write(m, 0, row, "s");
    }
    m.endControlFlow();
  }

  /**
   * {@code void tiles(float[][] in, int from, int to)}, for a tiled product: adds the sums over
   * every whole block of rows of {@code M} to the output rows {@code from..to-1}, {@link
   * #tileRows} rows at a time, each tile used by every sample before the next.
   */
  MethodSpec tilesMethod(String description) {
    int blocked = blocked();
    int tile = tileRows();
    MethodSpec.Builder m = MethodSpec.methodBuilder(tiles)
        .addModifiers(Modifier.PRIVATE)
        .addParameter(p.matrix, "in")
        .addParameter(int.class, "from")
        .addParameter(int.class, "to")
        .addJavadoc("$L\nadds the sums over rows {@code 0..$L-1} of {@code $L}\nto $L rows"
            + " {@code from..to-1}, $L rows at a time,\neach tile by every sample before the"
            + " next, so that it stays in the cache.\n",
            description, end(blocked), o.matrix(), o.out(), tile);
    int whole = blocked - blocked % tile;
    m.beginControlFlow("for (int tile = 0; tile < $L; tile += $L)", end(whole), tile);
    tileSamples(m, tile);
    m.endControlFlow();
    if (whole < blocked) {
      m.addComment("the last $L rows in blocks of $L, fewer than a tile", blocked - whole, rows());
      m.addCode("{\n$>");
      m.addStatement("int tile = $L", end(whole));
      tileSamples(m, blocked - whole);
      m.addCode("$<}\n");
    }
    return m.build();
  }

  /**
   * {@code void part(float[][] in, float[][] w, float[][] out, int from, int to)}, for one part of
   * a product in halves: adds {@code in[s] · w} over every row of {@code w} to {@code out[s]} for
   * samples {@code from..to-1}, in tiles as {@link #tilesMethod} takes them where there are more
   * rows than one tile, then the rows past the last whole block. Both parts call the same method,
   * each with rows that start at index 0 (the second part's inputs copied, its weight rows in an
   * array of their own): with the part's first row added to the row index, or with one method per
   * part, HotSpot's C2 compiled the inner loop to scalar code in most runs on the Zen 4 machine
   * (docs/design.md).
   */
  MethodSpec partMethod(String name, String description) {
    int blocked = blocked();
    int tile = tileRows();
    MethodSpec.Builder m = MethodSpec.methodBuilder(name)
        .addModifiers(Modifier.PRIVATE)
        .addParameter(p.matrix, o.in())
        .addParameter(p.matrix, o.matrix())
        .addParameter(p.matrix, o.out())
        .addParameter(int.class, "from")
        .addParameter(int.class, "to")
        .addJavadoc("$L\nadds {@code $L[s] · $L} over rows {@code 0..$L-1} of {@code $L} to {@code"
            + " $L[s]}\nfor samples {@code from..to-1}", description, o.in(), o.matrix(),
            o.inputsConstant(), o.matrix(), o.out());
    int whole = blocked - blocked % tile;
    if (whole > 0) {
      m.addJavadoc(", $L rows at a time,\neach tile by every sample before the next, so that it"
          + " stays in the cache", tile);
    }
    m.addJavadoc(".\n");
    if (whole > 0) {
      m.beginControlFlow("for (int tile = 0; tile < $L; tile += $L)", end(whole), tile);
      tileSamples(m, tile);
      m.endControlFlow();
    }
    if (whole < blocked) {
      if (whole > 0) {
        m.addComment("the last $L rows in blocks of $L, fewer than a tile", blocked - whole,
            rows());
      }
      m.addCode("{\n$>");
      m.addStatement("int tile = $L", whole == 0 ? "0" : end(whole));
      tileSamples(m, blocked - whole);
      m.addCode("$<}\n");
    }
    if (blocked < o.inputs()) {
      m.beginControlFlow("for (int s = from; s < to; s++)");
      m.addStatement("$T $L0 = $L[s]", p.vector, o.inRow(), o.in());
      m.addStatement("$T $L0 = $L[s]", p.vector, o.outRow(), o.out());
      m.addStatement("int $L = $L", o.rowIndex(), end(blocked));
      rowBlock(m, 1, 1);
      m.endControlFlow();
    }
    return m.build();
  }

  /** {@code inputsConstant}, less {@code inputs - rows} if the first {@code rows} are meant. */
  private String end(int rows) {
    return rows == o.inputs()
        ? o.inputsConstant() : o.inputsConstant() + " - " + (o.inputs() - rows);
  }

  /** Sets the row {@code row} to the start value of every output. */
  private void start(MethodSpec.Builder m, String row) {
    if (o.bias()) {
      m.addStatement("$T.arraycopy(b, 0, $L, 0, $L)", System.class, row, o.outputsConstant());
    } else {
      m.addStatement("$T.fill($L, $L)", Arrays.class, row, p.literal(0));
    }
  }

  /** Every sample's sums over rows {@code tile..tile+rows-1}. */
  private void tileSamples(MethodSpec.Builder m, int rows) {
    m.addStatement("int s = from");
    if (samples() > 1) {
      blockLoop(m, "s", "to", samples());
      tileBlock(m, samples(), rows);
      m.endControlFlow();
    }
    m.beginControlFlow("for (; s < to; s++)");
    tileBlock(m, 1, rows);
    m.endControlFlow();
  }

  /**
   * Rows {@code tile..tile+rows-1} for {@code samples} samples starting at {@code s}. The loop
   * over the rows counts from 0 to a constant: with run-time bounds on it and on the loop over
   * samples around it, HotSpot's C2 compiled the inner loop to scalar code.
   */
  private void tileBlock(MethodSpec.Builder m, int samples, int rows) {
    sampleRows(m, samples, "in");
    m.beginControlFlow("for (int r = 0; r < $L; r += $L)", rows, rows());
    m.addStatement("int $L = tile + r", o.rowIndex());
    rowsBody(m, samples, rows());
    m.endControlFlow();
  }

  /** Declares the input rows (of {@code in}) and output rows of {@code samples} samples from s. */
  private void sampleRows(MethodSpec.Builder m, int samples, String in) {
    for (int i = 0; i < samples; i++) {
      m.addStatement("$T $L$L = $L[$L]", p.vector, o.inRow(), i, in, offset("s", i));
      m.addStatement("$T $L$L = $L[$L]", p.vector, o.outRow(), i, o.out(), offset("s", i));
    }
  }

  /** The whole product for {@code samples} samples starting at {@code s}, untiled. */
  private void block(MethodSpec.Builder m, int samples) {
    sampleRows(m, samples, o.in());
    for (int i = 0; i < samples; i++) {
      start(m, o.outRow() + i);
    }
    m.addStatement("int $L = 0", o.rowIndex());
    rowBlock(m, samples, rows());
    if (rows() > 1 && o.inputs() % rows() != 0) {
      rowBlock(m, samples, 1);
    }
    if (finish != null) {
      for (int i = 0; i < samples; i++) {
        finish.write(m, i, o.outRow() + i, offset("s", i));
      }
    }
  }

  /** The rows from the row index to the end, {@code rows} per pass. */
  private void rowBlock(MethodSpec.Builder m, int samples, int rows) {
    blockLoop(m, o.rowIndex(), o.inputsConstant(), rows);
    rowsBody(m, samples, rows);
    m.endControlFlow();
  }

  /**
   * {@code out_i[j] += in_i[k] M[k][j] + ... + in_i[k+rows-1] M[k+rows-1][j]} for each sample i,
   * with {@code k} the row index and {@code j} the output index.
   */
  private void rowsBody(MethodSpec.Builder m, int samples, int rows) {
    String k = o.rowIndex();
    String j = o.outputIndex();
    String w = o.matrixRow();
    String x = o.inRow();
    for (int t = 0; t < rows; t++) {
      m.addStatement("$T $L$L = $L[$L]", p.vector, w, t, o.matrix(), offset(k, t));
    }
    for (int i = 0; i < samples; i++) {
      for (int t = 0; t < rows; t++) {
        m.addStatement("$T $L$L$L$L = $L$L[$L]", p.scalar, x, i, k, t, x, i, offset(k, t));
      }
    }
    m.beginControlFlow("for (int $L = 0; $L < $L; $L++)", j, j, o.outputsConstant(), j);
    for (int t = 0; t < rows; t++) {
      m.addStatement("$T $L$L$L = $L$L[$L]", p.scalar, w, t, j, w, t, j);
    }
    for (int i = 0; i < samples; i++) {
      CodeBlock.Builder sum = CodeBlock.builder()
          .add("$L$L[$L] += $L$L$L0 * $L0$L", o.outRow(), i, j, x, i, k, w, j);
      for (int t = 1; t < rows; t++) {
        sum.add(" + $L$L$L$L * $L$L$L", x, i, k, t, w, t, j);
      }
      m.addStatement(sum.build());
    }
    m.endControlFlow();
  }

  /** Opens {@code for (; i + size - 1 < bound; i += size)}, or {@code for (; i < bound; i++)}. */
  static void blockLoop(MethodSpec.Builder m, String index, String bound, int size) {
    if (size == 1) {
      m.beginControlFlow("for (; $L < $L; $L++)", index, bound, index);
    } else {
      m.beginControlFlow("for (; $L + $L < $L; $L += $L)", index, size - 1, bound, index, size);
    }
  }

  /** {@code s}, {@code s + 1}, ... */
  static String offset(String index, int i) {
    return i == 0 ? index : index + " + " + i;
  }
}
