package dev.dendrite.samples;

import dev.dendrite.data.CsvReader;
import dev.dendrite.data.CsvTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The data files that ship with the samples, as class-path resources beside this class. */
final class SampleData {

  private SampleData() {}

  /**
   * The numbers of a comma-separated resource (gzip-compressed or not), one row per record, read
   * with the runtime's {@link CsvReader}.
   *
   * @param header true if the first record names the columns
   * @param columns the number of values every row must have
   * @throws IllegalStateException if the resource is missing or has another number of columns
   * @throws UncheckedIOException if it cannot be read or is not a numeric table
   */
  static CsvTable csv(String resource, boolean header, int columns) {
    CsvReader reader = header ? CsvReader.numeric().withHeader() : CsvReader.numeric();
    CsvTable table;
    try (InputStream in = SampleData.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the class path");
      }
      table = reader.read(resource, in);
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
    if (table.columns() != columns) {
      throw new IllegalStateException(
          resource + " has " + table.columns() + " columns, not " + columns);
    }
    return table;
  }
}
