package dev.dendrite.train;

import dev.dendrite.Model;
import dev.dendrite.data.Dataset;
import dev.dendrite.random.Rng;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Bootstrap aggregating (Breiman, "Bagging Predictors", 1996): each member of an ensemble is a
 * fresh network trained on a bootstrap sample of the data (as many samples as the data, drawn
 * with replacement), and the ensemble predicts the mean of its members' outputs. Averaging
 * networks that saw different samples lowers the variance of the prediction.
 *
 * <pre>{@code
 * Ensemble ensemble = Bagging.train(data, 10, 42,
 *     member -> new Trainer(new CirclesNet(member), Sgd.plain(0.1f)).epochs(100).quiet());
 * }</pre>
 */
public final class Bagging {

  private Bagging() {}

  /**
   * Trains {@code members} networks on bootstrap samples drawn from {@code seed}.
   *
   * @param trainerForMember makes the trainer of member {@code m} (from 0), with a new network
   */
  public static Ensemble train(
      Dataset data, int members, long seed, IntFunction<Trainer> trainerForMember) {
    if (members < 1) {
      throw new IllegalArgumentException("bagging needs at least 1 member, was " + members);
    }
    Rng rng = new Rng(seed);
    List<Model> models = new ArrayList<>(members);
    for (int m = 0; m < members; m++) {
      Dataset sample = data.bootstrap(rng);
      Trainer trainer = trainerForMember.apply(m);
      trainer.fit(sample);
      models.add(trainer.model());
    }
    return new Ensemble(models);
  }
}
