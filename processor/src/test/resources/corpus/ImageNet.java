package corpus;

import static dev.dendrite.annotation.Activation.*;

import dev.dendrite.Layer;
import dev.dendrite.annotation.*;

@Network(loss = Loss.CATEGORICAL_CROSS_ENTROPY)
abstract class ImageNet {
  @Input({3, 32, 32}) Layer image;
  @Dropout(0.1) Layer noise;
  @Dense(units = 128, activation = RELU) Layer hidden; // expect: DN306
  @Dense(units = 10, activation = SOFTMAX) Layer label;
}
