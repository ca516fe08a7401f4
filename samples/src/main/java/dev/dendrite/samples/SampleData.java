package dev.dendrite.samples;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** The data files that ship with the samples, as class-path resources beside this class. */
final class SampleData {

  private SampleData() {}

  /**
   * The numbers of a gzip-compressed, comma-separated resource, one row per line.
   *
   * @param header true to skip the first line
   * @param columns the number of values every row must have
   * @throws IllegalStateException if the resource is missing or malformed
   */
  static float[][] csv(String resource, boolean header, int columns) {
    List<float[]> rows = new ArrayList<>();
    try (InputStream raw = SampleData.class.getResourceAsStream(resource)) {
      if (raw == null) {
        throw new IllegalStateException(resource + " is missing from the class path");
      }
      BufferedReader in = new BufferedReader(
          new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.US_ASCII));
      String line;
      int number = 0;
      while ((line = in.readLine()) != null) {
        number++;
        if (header && number == 1) {
          continue;
        }
        String[] values = line.split(",");
        if (values.length != columns) {
          throw new IllegalStateException(resource + " line " + number + " has "
              + values.length + " values, not " + columns);
        }
        float[] row = new float[columns];
        for (int j = 0; j < columns; j++) {
          try {
            row[j] = Float.parseFloat(values[j].trim());
          } catch (NumberFormatException e) {
            throw new IllegalStateException(resource + " line " + number + " column " + (j + 1)
                + " is not a number: " + values[j], e);
          }
        }
        rows.add(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
    return rows.toArray(new float[0][]);
  }
}
