package dev.dendrite.io;

import java.io.IOException;

/**
 * A file, or an in-memory copy of one, whose content is not what its format allows. The message
 * is {@code <source>: <problem>}, so that a user sees at once which file is wrong and why.
 * Subclasses name the format; catch this type to handle every malformed input alike.
 */
public class FileFormatException extends IOException {

  private static final long serialVersionUID = 1L;

  private final String source;
  private final String problem;

  /**
   * @param source the file's path, or a name for an in-memory input
   * @param problem what is wrong, in words a user can act on
   */
  public FileFormatException(String source, String problem) {
    this(source, problem, null);
  }

  /**
   * @param source the file's path, or a name for an in-memory input
   * @param problem what is wrong, in words a user can act on
   * @param cause the exception that revealed the problem, or null
   */
  public FileFormatException(String source, String problem, Throwable cause) {
    super(source + ": " + problem, cause);
    this.source = source;
    this.problem = problem;
  }

  /** The file's path, or the name given to an in-memory input. */
  public String source() {
    return source;
  }

  /** What is wrong, without the source. */
  public String problem() {
    return problem;
  }
}
