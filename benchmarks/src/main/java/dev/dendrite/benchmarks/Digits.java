package dev.dendrite.benchmarks;

import static dev.dendrite.annotation.Activation.RELU;
import static dev.dendrite.annotation.Activation.SOFTMAX;

import dev.dendrite.Layer;
import dev.dendrite.annotation.Dense;
import dev.dendrite.annotation.Input;
import dev.dendrite.annotation.Loss;
import dev.dendrite.annotation.Network;

/** The large benchmark network: 28 x 28 images to ten classes, MNIST-shaped. */
@Network(loss = Loss.CATEGORICAL_CROSS_ENTROPY)
public abstract class Digits {
  @Input(784) Layer pixels;
  @Dense(units = 256, activation = RELU) Layer hidden1;
  @Dense(units = 128, activation = RELU) Layer hidden2;
  @Dense(units = 10, activation = SOFTMAX) Layer scores;
}
