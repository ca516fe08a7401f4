package dev.dendrite.benchmarks;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Random;

/**
 * What the loop harnesses ({@link KernelTimes}, {@link
 * SporadicPredictions}) share: the generated {@link DigitsNet}'s private kernels and buffers,
 * reached by reflection, and one sample of inputs.
 */
final class DigitsInternals {

  private DigitsInternals() {}

  /** The private method {@code name} of {@link DigitsNet}, made accessible. */
  static Method kernel(String name) {
    for (Method method : DigitsNet.class.getDeclaredMethods()) {
      if (method.getName().equals(name)) {
        method.setAccessible(true);
        return method;
      }
    }
    throw new IllegalArgumentException("DigitsNet has no kernel " + name);
  }

  /** The value of {@code owner}'s private field {@code name}. */
  static Object field(Object owner, String name) throws ReflectiveOperationException {
    Field field = owner.getClass().getDeclaredField(name);
    field.setAccessible(true);
    return field.get(owner);
  }

  /** One sample of {@link DigitsNet#INPUT_SIZE} values uniform in [0, 1), from seed 1. */
  static float[] sample() {
    float[] input = new float[DigitsNet.INPUT_SIZE];
    Random random = new Random(1);
    for (int k = 0; k < input.length; k++) {
      input[k] = random.nextFloat();
    }
    return input;
  }
}
