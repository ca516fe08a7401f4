package dev.dendrite.spark;

/** Finds the input error inside the exception a failed Spark job throws. */
final class Failures {

  private Failures() {}

  /**
   * {@code e} itself, or, when an {@link InvalidInputException} or {@link TrainingException}
   * raised in a task is in its chain of causes, a copy of that one thrown on the driver with
   * {@code e} as its cause.
   */
  static RuntimeException unwrap(RuntimeException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t == e && (t instanceof InvalidInputException || t instanceof TrainingException)) {
        return e;
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
    return e;
  }
}
