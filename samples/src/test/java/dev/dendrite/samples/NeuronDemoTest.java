package dev.dendrite.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NeuronDemoTest {

  @Test
  void theCoursesNeuronOutputs5point5() {
    assertEquals(5.5f, NeuronDemo.neuronOutput(), 1e-6f);
  }

  @Test
  void oneGradientStepGivesWeight0point8AndBias0point4() {
    float[] after = NeuronDemo.oneStep();
    assertEquals(0.8f, after[0], 1e-6f);
    assertEquals(0.4f, after[1], 1e-6f);
  }
}
