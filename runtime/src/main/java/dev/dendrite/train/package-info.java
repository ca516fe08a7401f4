/**
 * Training in the manner of Keras: {@link dev.dendrite.train.Trainer} (fit, evaluate, predict),
 * {@link dev.dendrite.train.History}, {@link dev.dendrite.train.Metrics}, {@link
 * dev.dendrite.train.EarlyStopping} and other {@link dev.dendrite.train.TrainingListener}s, the
 * {@link dev.dendrite.train.NonFiniteException} that stops a diverging run, {@link
 * dev.dendrite.train.ConfusionMatrix}, {@link dev.dendrite.train.CrossValidation}, {@link
 * dev.dendrite.train.Bagging} and {@link dev.dendrite.train.MonteCarloDropout}.
 */
package dev.dendrite.train;
