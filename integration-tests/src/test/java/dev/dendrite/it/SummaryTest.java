package dev.dendrite.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dendrite.samples.CirclesNet;
import org.junit.jupiter.api.Test;

/** {@code summary()} in the Keras layout, on the course's 2 -> 20 ReLU -> 1 sigmoid network. */
class SummaryTest {

  @Test
  void theCourseNetworkHas60And21ParametersAnd81InAll() {
    String expected = String.join("\n",
        "Model: \"Circles\"",
        "=============================================",
        "Layer (type)      Output Shape    Param #",
        "=============================================",
        "point (Input)     (None, 2)       0",
        "---------------------------------------------",
        "hidden (Dense)    (None, 20)      60",
        "---------------------------------------------",
        "inner (Dense)     (None, 1)       21",
        "=============================================",
        "Total params: 81",
        "Trainable params: 81",
        "Non-trainable params: 0",
        "");
    assertEquals(expected, new CirclesNet(1).summary().replace(System.lineSeparator(), "\n"));
  }
}
