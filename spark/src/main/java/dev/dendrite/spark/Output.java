package dev.dendrite.spark;

import dev.dendrite.ModelDescription;
import dev.dendrite.annotation.Loss;

/** What a network's outputs mean, and so which columns scoring appends. */
enum Output {
  /** A softmax over classes: the class index, and the probabilities. */
  SOFTMAX,
  /** One sigmoid unit: 0 or 1, and the probabilities of class 0 and class 1. */
  SIGMOID,
  /** Several sigmoid units, one yes/no label each: a vector of 0/1, and the probabilities. */
  SIGMOIDS,
  /** Regression: the output vector itself, and no probabilities. */
  REGRESSION;

  static Output of(ModelDescription model) {
    if (model.loss() == Loss.CATEGORICAL_CROSS_ENTROPY) {
      return SOFTMAX;
    }
    if (model.loss() == Loss.BINARY_CROSS_ENTROPY) {
      return model.outputSize() == 1 ? SIGMOID : SIGMOIDS;
    }
    return REGRESSION;
  }

  /** Whether the prediction is one number (a class) rather than a vector. */
  boolean scalarPrediction() {
    return this == SOFTMAX || this == SIGMOID;
  }

  /** Whether scoring appends a probability column. */
  boolean hasProbability() {
    return this != REGRESSION;
  }

  /** Whether labels are classes that accuracy counts. */
  boolean classifies() {
    return this != REGRESSION;
  }
}
