package dev.dendrite.samples;

import dev.dendrite.Tensor;
import dev.dendrite.optim.Sgd;

/**
 * The course's first neuron, by hand and by the generated code. A linear neuron with inputs
 * [1, 2, 3], weights [1, 0.5, 1] and bias 0.5 outputs 5.5; one step of gradient descent on the
 * squared error of {@code y = w x + b} from w = 2, b = 1 at x = 2, y = 2 with learning rate 0.1
 * gives w = 0.8 and b = 0.4.
 */
public final class NeuronDemo {

  private NeuronDemo() {}

  /** The output of the course's neuron: 5.5. */
  public static float neuronOutput() {
    SingleNeuronNet neuron = new SingleNeuronNet();
    Tensor weight = neuron.parameters().get(0);
    Tensor bias = neuron.parameters().get(1);
    float[] w = {1f, 0.5f, 1f};
    for (int k = 0; k < w.length; k++) {
      weight.set(w[k], k, 0);
    }
    bias.set(0.5f, 0);
    return neuron.predict(new float[] {1f, 2f, 3f})[0];
  }

  /** The weight and bias after one step: {0.8, 0.4}. */
  public static float[] oneStep() {
    OneWeightNet net = new OneWeightNet();
    Tensor weight = net.parameters().get(0);
    Tensor bias = net.parameters().get(1);
    weight.set(2f, 0, 0);
    bias.set(1f, 0);
    net.forward(new float[][] {{2f}}, 1, true);
    float loss = net.backward(new float[][] {{2f}});
    Sgd.plain(0.1f).step(net.parameters());
    System.out.printf("squared error %.1f, dL/dw %.1f, dL/db %.1f%n",
        loss, weight.gradient(0, 0), bias.gradient(0));
    return new float[] {weight.get(0, 0), bias.get(0)};
  }

  /** Runs the sample. */
  public static void main(String[] args) {
    System.out.printf("neuron([1, 2, 3]) with w = [1, 0.5, 1], b = 0.5: %.2f%n", neuronOutput());
    float[] after = oneStep();
    System.out.printf("after one step: w = %.2f, b = %.2f%n", after[0], after[1]);
  }
}
