package dev.dendrite.samples;

import static dev.dendrite.annotation.Activation.LINEAR;
import static dev.dendrite.annotation.Activation.RELU;

import dev.dendrite.Layer;
import dev.dendrite.annotation.Dense;
import dev.dendrite.annotation.Dropout;
import dev.dendrite.annotation.Input;
import dev.dendrite.annotation.Loss;
import dev.dendrite.annotation.Network;

/**
 * Regression on tabular data: ten standardized measurements of a patient in, the standardized
 * progression of their diabetes a year later out, trained on squared error.
 */
@Network(loss = Loss.MSE)
public abstract class DiabetesProgression {
  @Input(10)                                Layer measurements;
  @Dense(units = 16, activation = RELU)     Layer hidden;
  @Dropout(0.1)                             Layer drop;
  @Dense(units = 1, activation = LINEAR)    Layer progression;
}
