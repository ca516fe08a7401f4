package dev.dendrite.processor.plan;

/**
 * How the loops of a looped dense layer are blocked: how many samples, and how many rows of a
 * matrix, one pass of an inner loop over units (or over samples) serves. Each weight loaded in
 * the forward pass is used for {@code forwardSamples} samples, each load and store of a
 * pre-activation serves {@code forwardInputs} inputs, and so on.
 *
 * @param forwardSamples samples per pass of the forward pass
 * @param forwardInputs inputs (weight rows) per pass of the forward pass (units, rows of the
 *     transposed weights, in the input gradient)
 * @param weightGradientRows rows of the weight gradient per pass over the units
 * @param weightGradientSamples samples per pass over the units of the weight gradient
 * @param forwardTileWeights the most weights the forward pass runs over all samples before it
 *     moves on to the next inputs: a tile of weight rows that stays in the core's cache while
 *     every sample of the batch uses it, instead of every row of the matrix passing through the
 *     cache once per {@code forwardSamples} samples
 */
public record Blocking(
    int forwardSamples,
    int forwardInputs,
    int weightGradientRows,
    int weightGradientSamples,
    int forwardTileWeights) {

  public Blocking {
    if (forwardSamples < 1 || forwardInputs < 1 || weightGradientRows < 1
        || weightGradientSamples < 1 || forwardTileWeights < 1) {
      throw new IllegalArgumentException("block sizes must be at least 1: " + this);
    }
  }

  /**
   * The blocking of the input gradient's product, which runs the forward pass's loops on the
   * transposed weights with one sample per pass: a pass that stores two rows of the same buffer,
   * which C2 cannot tell from the rows it loads, stayed scalar in some generated classes.
   */
  public Blocking inputGradient() {
    return new Blocking(1, forwardInputs, weightGradientRows, weightGradientSamples,
        forwardTileWeights);
  }

  /**
   * The weight rows of one forward tile of a layer with {@code units} units: as many whole
   * blocks of {@link #forwardInputs} rows as {@link #forwardTileWeights} holds, at least one.
   */
  public int forwardTileRows(int units) {
    int blocks = Math.max(1, forwardTileWeights / Math.max(1, units) / forwardInputs);
    return blocks * forwardInputs;
  }

  /**
   * Whether the forward pass's loops over a matrix of {@code rows} rows of {@code columns}
   * values take it in tiles: when its whole blocks of {@link #forwardInputs} rows are more than
   * one tile of {@link #forwardTileRows}.
   */
  public boolean tiles(long rows, long columns) {
    long blocked = rows - rows % forwardInputs;
    return blocked > forwardTileRows((int) Math.min(columns, Integer.MAX_VALUE));
  }
}
