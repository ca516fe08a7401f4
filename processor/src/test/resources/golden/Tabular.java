package golden;

import static dev.dendrite.annotation.Activation.RELU;
import static dev.dendrite.annotation.Activation.SOFTMAX;

import dev.dendrite.Layer;
import dev.dendrite.annotation.BatchNorm;
import dev.dendrite.annotation.Dense;
import dev.dendrite.annotation.Dropout;
import dev.dendrite.annotation.Input;
import dev.dendrite.annotation.Loss;
import dev.dendrite.annotation.Network;

/** Six measurements to three classes, with batch normalization and dropout. */
@Network(loss = Loss.CATEGORICAL_CROSS_ENTROPY)
public abstract class Tabular {
  @Input(6)                                 Layer features;
  @Dense(units = 12, bias = false)          Layer hidden;
  @BatchNorm(activation = RELU)             Layer norm;
  @Dropout(0.25)                            Layer drop;
  @Dense(units = 3, activation = SOFTMAX)   Layer classes;
}
