package dev.dendrite.data;

import dev.dendrite.io.FileFormatException;

/**
 * A CSV file that is not a numeric table: a field that is not a finite number, a row with another
 * number of fields than the first, an unclosed quote, text that is not UTF-8, or invalid gzip
 * data. The problem names the line, and the column where there is one.
 */
public class CsvFormatException extends FileFormatException {

  private static final long serialVersionUID = 1L;

  private final long line;

  /**
   * @param source the file's path, or a name for an in-memory input
   * @param line the line (from 1) where the problem is, or 0 if it concerns no line
   * @param problem what is wrong, without the line
   */
  public CsvFormatException(String source, long line, String problem) {
    this(source, line, problem, null);
  }

  /**
   * @param source the file's path, or a name for an in-memory input
   * @param line the line (from 1) where the problem is, or 0 if it concerns no line
   * @param problem what is wrong, without the line
   * @param cause the exception that revealed the problem, or null
   */
  public CsvFormatException(String source, long line, String problem, Throwable cause) {
    super(source, line > 0 ? "line " + line + ": " + problem : problem, cause);
    this.line = line;
  }

  /** The line (from 1) where the problem is, or 0 if it concerns no line. */
  public long line() {
    return line;
  }
}
