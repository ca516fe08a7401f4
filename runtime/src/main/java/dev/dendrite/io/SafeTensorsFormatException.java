package dev.dendrite.io;

/**
 * A safetensors file that breaks the format: a header length out of bounds, a header that is not
 * the expected JSON, an unknown dtype, data offsets that are out of range, overlap, leave gaps or
 * do not match the shape, or a truncated file.
 */
public class SafeTensorsFormatException extends FileFormatException {

  private static final long serialVersionUID = 1L;

  /**
   * @param source the file's path, or a name for an in-memory input
   * @param problem what is wrong
   */
  public SafeTensorsFormatException(String source, String problem) {
    super(source, problem);
  }

  /**
   * @param source the file's path, or a name for an in-memory input
   * @param problem what is wrong
   * @param cause the exception that revealed the problem
   */
  public SafeTensorsFormatException(String source, String problem, Throwable cause) {
    super(source, problem, cause);
  }
}
