package dev.dendrite.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dendrite.Model;
import dev.dendrite.optim.Adam;
import dev.dendrite.random.Rng;
import org.junit.jupiter.api.Test;

/**
 * A warm training step and a warm prediction allocate nothing: counted with the JVM's per-thread
 * allocation counter, not timed.
 */
class AllocationTest {

  @Test
  void trainingStepsAndPredictionsAllocateNothingOnceWarm() {
    Model model = new TestNets_WithDropoutNet(1);
    Rng rng = new Rng(2);
    int n = 16;
    float[][] input = Batches.toFloat(Batches.gaussian(n, model.inputSize(), rng));
    float[][] target =
        Batches.toFloat(Batches.targets(model.loss(), n, model.outputSize(), rng));
    float[][] output = new float[n][model.outputSize()];
    float[] single = input[0];
    float[] singleOut = new float[model.outputSize()];
    Adam adam = new Adam();
    Runnable work = () -> {
      model.forward(input, n, true);
      model.backward(target);
      model.step(adam);
      model.predict(input, n, output);
      model.predict(single, singleOut);
    };
    long allocated = SteadyState.allocatedBytes(work, 20_000, 1_000);
    assertEquals(0, allocated, "bytes allocated by 1000 warm steps");
  }
}
