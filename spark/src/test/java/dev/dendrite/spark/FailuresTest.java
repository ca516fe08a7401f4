package dev.dendrite.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.spark.SparkException;
import org.junit.jupiter.api.Test;

/** The input error a task raised comes out of Spark's job failure on the driver. */
class FailuresTest {

  @Test
  void anInputErrorInsideAJobFailureIsThrownAsItself() {
    InvalidInputException inTask = new InvalidInputException(null, -1,
        "network class example.GoneNet is not on the classpath of this JVM");
    SparkException failure = new SparkException("Job aborted due to stage failure",
        new RuntimeException("wrapped", inTask));
    RuntimeException thrown = Failures.unwrap(failure);
    InvalidInputException input = (InvalidInputException) thrown;
    assertEquals(inTask.getMessage(), input.getMessage());
    assertSame(failure, input.getCause());
  }

  @Test
  void anyOtherFailureIsThrownUnchanged() {
    SparkException failure = new SparkException("Job aborted", new IllegalStateException("x"));
    SparkException thrown = assertThrows(SparkException.class, () -> {
      throw Failures.unwrap(failure);
    });
    assertSame(failure, thrown);
    IllegalStateException runtime = new IllegalStateException("y");
    assertSame(runtime, Failures.unwrap(runtime));
  }
}
