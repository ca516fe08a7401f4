package dev.dendrite.data;

import java.util.List;

/**
 * A numeric table read from CSV: the column names, if the file has a header line, and one row of
 * floats per record. Every row has {@link #columns()} values.
 *
 * @param header the column names, empty if the file was read without a header
 * @param rows the values, one array per record; owned by the caller
 */
public record CsvTable(List<String> header, float[][] rows) {

  public CsvTable {
    header = List.copyOf(header);
  }

  /** The number of records. */
  public int rowCount() {
    return rows.length;
  }

  /** The number of values per record (the header's length when there are no records). */
  public int columns() {
    return rows.length > 0 ? rows[0].length : header.size();
  }

  /**
   * The index of the column named {@code name}.
   *
   * @throws IllegalArgumentException if the header has no such column
   */
  public int columnIndex(String name) {
    int index = header.indexOf(name);
    if (index < 0) {
      throw new IllegalArgumentException("no column named \"" + name + "\" in " + header);
    }
    return index;
  }
}
