package dev.dendrite.samples;

import dev.dendrite.data.Dataset;
import java.util.Arrays;

/**
 * The UCI handwritten digits that ship with the samples ({@code digits.csv.gz}, see DIGITS.md
 * beside it): 1,797 images of 8 x 8 pixels with values 0..16, and their digits.
 */
public final class Digits {

  /** The resource holding the digits, beside this class. */
  static final String RESOURCE = "digits.csv.gz";
  /** Pixels per image. */
  public static final int PIXELS = 64;
  /** The largest pixel value. */
  public static final float MAX_VALUE = 16f;

  private Digits() {}

  /** The raw pixels (0..16) with one-hot targets of the ten digits. */
  public static Dataset load() {
    float[][] rows = SampleData.csv(RESOURCE, false, PIXELS + 1).rows();
    float[][] pixels = new float[rows.length][];
    int[] digits = new int[rows.length];
    for (int i = 0; i < rows.length; i++) {
      pixels[i] = Arrays.copyOf(rows[i], PIXELS);
      digits[i] = (int) rows[i][PIXELS];
    }
    return Dataset.ofLabels(pixels, digits, 10, false);
  }

  /**
   * The pixels scaled as the course scales image bytes, centred on the middle of their range:
   * {@code (x - 8) / 8}, mapping 0..16 to [-1, 1]. New rows; the targets are shared.
   */
  public static Dataset scaled(Dataset raw) {
    float center = MAX_VALUE / 2;
    float[][] x = new float[raw.size()][PIXELS];
    for (int i = 0; i < x.length; i++) {
      float[] in = raw.features(i);
      for (int j = 0; j < PIXELS; j++) {
        x[i][j] = (in[j] - center) / center;
      }
    }
    return Dataset.of(x, raw.targets());
  }
}
