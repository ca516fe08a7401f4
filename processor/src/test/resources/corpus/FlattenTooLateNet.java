package corpus;

import static dev.dendrite.annotation.Activation.*;

import dev.dendrite.Layer;
import dev.dendrite.annotation.*;

@Network(loss = Loss.MSE)
abstract class FlattenTooLateNet {
  @Input({4, 4}) Layer tile;
  @Dense(units = 8, activation = RELU) Layer hidden; // expect: DN306
  @Flatten Layer flat; // expect: DN610
  @Dense(units = 3) Layer out;
  @Flatten Layer end; // expect: DN501, DN610
}
