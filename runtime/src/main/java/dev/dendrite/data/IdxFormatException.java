package dev.dendrite.data;

import dev.dendrite.io.FileFormatException;

/**
 * An IDX file that breaks the format: a wrong magic number, an unknown element type, no or
 * too large dimensions, a truncated file, bytes after the data, or invalid gzip data.
 */
public class IdxFormatException extends FileFormatException {

  private static final long serialVersionUID = 1L;

  /**
   * @param source the file's path, or a name for an in-memory input
   * @param problem what is wrong
   */
  public IdxFormatException(String source, String problem) {
    super(source, problem);
  }

  /**
   * @param source the file's path, or a name for an in-memory input
   * @param problem what is wrong
   * @param cause the exception that revealed the problem
   */
  public IdxFormatException(String source, String problem, Throwable cause) {
    super(source, problem, cause);
  }
}
