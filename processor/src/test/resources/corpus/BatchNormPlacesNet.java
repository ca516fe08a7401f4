package corpus;

import static dev.dendrite.annotation.Activation.*;

import dev.dendrite.Layer;
import dev.dendrite.annotation.*;

@Network(loss = Loss.MSE)
abstract class BatchNormPlacesNet {
  @Input(4) Layer in;
  @BatchNorm Layer early; // expect: DN601
  @Dense(units = 8, activation = RELU) Layer hidden;
  @Dropout(0.2) Layer drop;
  @BatchNorm Layer norm; // expect: DN603
  @BatchNorm Layer again; // expect: DN602
  @Dense(units = 1) Layer out; // expect: DN608
  @BatchNorm Layer late; // expect: DN501
}
