package dev.dendrite.spark;

/** Finds the input error inside the exception a failed Spark job throws. */
final class Failures {

  private Failures() {}

  /**
   * When an {@link InvalidInputException} or {@link TrainingException} raised in a task is in the
   * chain of causes of {@code e}, a copy of that one with {@code e} as its cause; otherwise
   * {@code e} itself, thrown as it is: a {@code SparkException} is a checked exception that Scala
   * code throws undeclared.
   */
  static RuntimeException unwrap(Exception e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t == e && (t instanceof InvalidInputException || t instanceof TrainingException)) {
        return (RuntimeException) e;
      }
      if (t instanceof InvalidInputException input) {
        InvalidInputException copy =
            new InvalidInputException(input.column(), input.row(), input.getMessage());
        copy.initCause(e);
        return copy;
      }
      if (t instanceof TrainingException training) {
        return new TrainingException(training.getMessage(), e);
      }
    }
    if (e instanceof RuntimeException runtime) {
      return runtime;
    }
    throw Failures.<RuntimeException>sneaky(e);
  }

  @SuppressWarnings("unchecked")
  private static <T extends Exception> T sneaky(Exception e) throws T {
    throw (T) e;
  }
}
