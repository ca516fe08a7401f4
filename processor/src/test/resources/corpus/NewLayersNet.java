package corpus;

import static dev.dendrite.annotation.Activation.*;

import dev.dendrite.Layer;
import dev.dendrite.annotation.*;

// generates: corpus.NewLayersNetNet
// generates: corpus.NewLayersNetNetDouble
@Network(loss = Loss.CATEGORICAL_CROSS_ENTROPY, doublePrecision = true)
abstract class NewLayersNet {
  @Input({3, 4}) Layer image;
  @Flatten Layer flat;
  @Dense(units = 16, bias = false, init = Init.HE_NORMAL) Layer hidden;
  @BatchNorm(activation = LEAKY_RELU, alpha = 0.1, momentum = 0.9) Layer hiddenNorm;
  @Dropout(0.2) Layer drop;
  @Dense(units = 8, activation = PRELU, alpha = 0.2, init = Init.NORMAL, initScale = 0.1) Layer slopes;
  @BatchNorm Layer slopesNorm;
  @Dense(units = 3, activation = SOFTMAX) Layer scores;
}
