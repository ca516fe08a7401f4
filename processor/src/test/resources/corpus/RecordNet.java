package corpus;

import static dev.dendrite.annotation.Activation.*;

import dev.dendrite.Layer;
import dev.dendrite.annotation.*;

@Network(loss = Loss.MSE) // expect: DN101
record RecordNet(@Input(2) Layer in, @Dropout(2.0) Layer drop, @Dense(units = 1) Layer out) {} // expect: DN402
