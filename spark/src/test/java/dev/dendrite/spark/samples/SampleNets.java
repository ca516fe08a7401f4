package dev.dendrite.spark.samples;

import static dev.dendrite.annotation.Activation.RELU;
import static dev.dendrite.annotation.Activation.SOFTMAX;

import dev.dendrite.Layer;
import dev.dendrite.annotation.Dense;
import dev.dendrite.annotation.Dropout;
import dev.dendrite.annotation.Input;
import dev.dendrite.annotation.Loss;
import dev.dendrite.annotation.Network;

/**
 * The networks of {@link SparkFashionMnist}: the same declarations as the single-JVM samples'
 * {@code FashionClassifier} and {@code DigitsClassifier}, declared here so that this module does
 * not depend on the samples module.
 */
final class SampleNets {

  private SampleNets() {}

  /** Fashion-MNIST: 784-512-256-10, ReLU, dropout 0.3. */
  @Network(loss = Loss.CATEGORICAL_CROSS_ENTROPY)
  abstract static class Fashion {
    @Input(784)                               Layer pixels;
    @Dense(units = 512, activation = RELU)    Layer hidden1;
    @Dropout(0.3)                             Layer drop1;
    @Dense(units = 256, activation = RELU)    Layer hidden2;
    @Dropout(0.3)                             Layer drop2;
    @Dense(units = 10, activation = SOFTMAX)  Layer scores;
  }

  /** The UCI digits: 64-64-10, ReLU, dropout 0.2. */
  @Network(loss = Loss.CATEGORICAL_CROSS_ENTROPY)
  abstract static class Digits {
    @Input(64)                                Layer pixels;
    @Dense(units = 64, activation = RELU)     Layer hidden;
    @Dropout(0.2)                             Layer drop;
    @Dense(units = 10, activation = SOFTMAX)  Layer digit;
  }
}
