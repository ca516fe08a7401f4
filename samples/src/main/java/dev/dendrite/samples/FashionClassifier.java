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
 * A Fashion-MNIST classifier: the 784 pixels of a 28 x 28 image, two ReLU layers with dropout,
 * and a softmax over the ten kinds of clothing.
 */
@Network(loss = Loss.CATEGORICAL_CROSS_ENTROPY)
public abstract class FashionClassifier {
  @Input(784)                               Layer pixels;
  @Dense(units = 512, activation = RELU)    Layer hidden1;
  @Dropout(0.3)                             Layer drop1;
  @Dense(units = 256, activation = RELU)    Layer hidden2;
  @Dropout(0.3)                             Layer drop2;
  @Dense(units = 10, activation = SOFTMAX)  Layer scores;
}
