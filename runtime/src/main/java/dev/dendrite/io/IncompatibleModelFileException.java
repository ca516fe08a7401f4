package dev.dendrite.io;

/**
 * A well-formed weight file or checkpoint that does not fit the network (or optimizer) it is
 * loaded into: a tensor is missing, unexpected, of another shape, or of a dtype Dendrite does not
 * read into parameters. Loading checks everything before it changes any value, so after this
 * exception the network is as it was.
 */
public class IncompatibleModelFileException extends FileFormatException {

  private static final long serialVersionUID = 1L;

  /**
   * @param source the file's path, or a name for an in-memory input
   * @param problem what does not fit
   */
  public IncompatibleModelFileException(String source, String problem) {
    super(source, problem);
  }
}
