package dev.dendrite.samples;

import static dev.dendrite.annotation.Activation.RELU;
import static dev.dendrite.annotation.Activation.SOFTMAX;

import dev.dendrite.Layer;
import dev.dendrite.annotation.Dense;
import dev.dendrite.annotation.Dropout;
import dev.dendrite.annotation.Input;
import dev.dendrite.annotation.Loss;
import dev.dendrite.annotation.Network;

/**
 * The main demo's network: the 64 pixels of an 8 x 8 handwritten digit, 64 ReLU units with
 * dropout, and a softmax over the ten digits.
 */
@Network(loss = Loss.CATEGORICAL_CROSS_ENTROPY)
public abstract class DigitsClassifier {
  @Input(64)                                Layer pixels;
  @Dense(units = 64, activation = RELU)     Layer hidden;
  @Dropout(0.2)                             Layer drop;
  @Dense(units = 10, activation = SOFTMAX)  Layer digit;
}
