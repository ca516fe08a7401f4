package dev.dendrite.it;

import static dev.dendrite.annotation.Activation.*;

import dev.dendrite.Layer;
import dev.dendrite.annotation.BatchNorm;
import dev.dendrite.annotation.Dense;
import dev.dendrite.annotation.Dropout;
import dev.dendrite.annotation.Flatten;
import dev.dendrite.annotation.Init;
import dev.dendrite.annotation.Input;
import dev.dendrite.annotation.Loss;
import dev.dendrite.annotation.Network;
import dev.dendrite.annotation.PreluMode;

/**
 * Networks for the gradient checks and the comparisons with the EJML reference. Each hidden
 * activation appears in a looped layer ({@code wide}: 5 x 60 weights) and an unrolled one
 * ({@code narrow}: 60 x 4 weights); each legal output activation and loss pair appears once.
 * Batch normalization, flatten, PRELU, layers without bias and every initialiser follow.
 */
final class TestNets {

  private TestNets() {}

  /** LINEAR on hidden layers. */
  @Network(loss = Loss.MSE, doublePrecision = true)
  abstract static class HiddenLinear {
    @Input(5) Layer in;
    @Dense(units = 60, activation = LINEAR) Layer wide;
    @Dense(units = 4, activation = LINEAR) Layer narrow;
    @Dense(units = 2) Layer out;
  }

  /** RELU on hidden layers. */
  @Network(loss = Loss.MSE, doublePrecision = true)
  abstract static class HiddenRelu {
    @Input(5) Layer in;
    @Dense(units = 60, activation = RELU) Layer wide;
    @Dense(units = 4, activation = RELU) Layer narrow;
    @Dense(units = 2) Layer out;
  }

  /** LEAKY_RELU on hidden layers. */
  @Network(loss = Loss.MSE, doublePrecision = true)
  abstract static class HiddenLeakyRelu {
    @Input(5) Layer in;
    @Dense(units = 60, activation = LEAKY_RELU) Layer wide;
    @Dense(units = 4, activation = LEAKY_RELU) Layer narrow;
    @Dense(units = 2) Layer out;
  }

  /** ELU on hidden layers. */
  @Network(loss = Loss.MSE, doublePrecision = true)
  abstract static class HiddenElu {
    @Input(5) Layer in;
    @Dense(units = 60, activation = ELU) Layer wide;
    @Dense(units = 4, activation = ELU) Layer narrow;
    @Dense(units = 2) Layer out;
  }

  /** SIGMOID on hidden layers. */
  @Network(loss = Loss.MSE, doublePrecision = true)
  abstract static class HiddenSigmoid {
    @Input(5) Layer in;
    @Dense(units = 60, activation = SIGMOID) Layer wide;
    @Dense(units = 4, activation = SIGMOID) Layer narrow;
    @Dense(units = 2) Layer out;
  }

  /** TANH on hidden layers. */
  @Network(loss = Loss.MSE, doublePrecision = true)
  abstract static class HiddenTanh {
    @Input(5) Layer in;
    @Dense(units = 60, activation = TANH) Layer wide;
    @Dense(units = 4, activation = TANH) Layer narrow;
    @Dense(units = 2) Layer out;
  }

  /** SOFTPLUS on hidden layers. */
  @Network(loss = Loss.MSE, doublePrecision = true)
  abstract static class HiddenSoftplus {
    @Input(5) Layer in;
    @Dense(units = 60, activation = SOFTPLUS) Layer wide;
    @Dense(units = 4, activation = SOFTPLUS) Layer narrow;
    @Dense(units = 2) Layer out;
  }

  /** GELU on hidden layers. */
  @Network(loss = Loss.MSE, doublePrecision = true)
  abstract static class HiddenGelu {
    @Input(5) Layer in;
    @Dense(units = 60, activation = GELU) Layer wide;
    @Dense(units = 4, activation = GELU) Layer narrow;
    @Dense(units = 2) Layer out;
  }

  /** SWISH on hidden layers. */
  @Network(loss = Loss.MSE, doublePrecision = true)
  abstract static class HiddenSwish {
    @Input(5) Layer in;
    @Dense(units = 60, activation = SWISH) Layer wide;
    @Dense(units = 4, activation = SWISH) Layer narrow;
    @Dense(units = 2) Layer out;
  }

  /** MISH on hidden layers. */
  @Network(loss = Loss.MSE, doublePrecision = true)
  abstract static class HiddenMish {
    @Input(5) Layer in;
    @Dense(units = 60, activation = MISH) Layer wide;
    @Dense(units = 4, activation = MISH) Layer narrow;
    @Dense(units = 2) Layer out;
  }

  /** LINEAR output with MSE. */
  @Network(loss = Loss.MSE, doublePrecision = true)
  abstract static class MseLinear {
    @Input(4) Layer in;
    @Dense(units = 5, activation = TANH) Layer hidden;
    @Dense(units = 3, activation = LINEAR) Layer out;
  }

  /** RELU output with MSE. */
  @Network(loss = Loss.MSE, doublePrecision = true)
  abstract static class MseRelu {
    @Input(4) Layer in;
    @Dense(units = 5, activation = TANH) Layer hidden;
    @Dense(units = 3, activation = RELU) Layer out;
  }

  /** LEAKY_RELU output with MSE. */
  @Network(loss = Loss.MSE, doublePrecision = true)
  abstract static class MseLeakyRelu {
    @Input(4) Layer in;
    @Dense(units = 5, activation = TANH) Layer hidden;
    @Dense(units = 3, activation = LEAKY_RELU) Layer out;
  }

  /** ELU output with MSE. */
  @Network(loss = Loss.MSE, doublePrecision = true)
  abstract static class MseElu {
    @Input(4) Layer in;
    @Dense(units = 5, activation = TANH) Layer hidden;
    @Dense(units = 3, activation = ELU) Layer out;
  }

  /** SIGMOID output with MSE. */
  @Network(loss = Loss.MSE, doublePrecision = true)
  abstract static class MseSigmoid {
    @Input(4) Layer in;
    @Dense(units = 5, activation = TANH) Layer hidden;
    @Dense(units = 3, activation = SIGMOID) Layer out;
  }

  /** TANH output with MSE. */
  @Network(loss = Loss.MSE, doublePrecision = true)
  abstract static class MseTanh {
    @Input(4) Layer in;
    @Dense(units = 5, activation = TANH) Layer hidden;
    @Dense(units = 3, activation = TANH) Layer out;
  }

  /** SOFTPLUS output with MSE. */
  @Network(loss = Loss.MSE, doublePrecision = true)
  abstract static class MseSoftplus {
    @Input(4) Layer in;
    @Dense(units = 5, activation = TANH) Layer hidden;
    @Dense(units = 3, activation = SOFTPLUS) Layer out;
  }

  /** GELU output with MSE. */
  @Network(loss = Loss.MSE, doublePrecision = true)
  abstract static class MseGelu {
    @Input(4) Layer in;
    @Dense(units = 5, activation = TANH) Layer hidden;
    @Dense(units = 3, activation = GELU) Layer out;
  }

  /** SWISH output with MSE. */
  @Network(loss = Loss.MSE, doublePrecision = true)
  abstract static class MseSwish {
    @Input(4) Layer in;
    @Dense(units = 5, activation = TANH) Layer hidden;
    @Dense(units = 3, activation = SWISH) Layer out;
  }

  /** MISH output with MSE. */
  @Network(loss = Loss.MSE, doublePrecision = true)
  abstract static class MseMish {
    @Input(4) Layer in;
    @Dense(units = 5, activation = TANH) Layer hidden;
    @Dense(units = 3, activation = MISH) Layer out;
  }

  /** SOFTMAX output with MSE. */
  @Network(loss = Loss.MSE, doublePrecision = true)
  abstract static class MseSoftmax {
    @Input(4) Layer in;
    @Dense(units = 5, activation = TANH) Layer hidden;
    @Dense(units = 3, activation = SOFTMAX) Layer out;
  }

  /** One sigmoid output with binary cross-entropy. */
  @Network(loss = Loss.BINARY_CROSS_ENTROPY, doublePrecision = true)
  abstract static class BinarySigmoid {
    @Input(4) Layer in;
    @Dense(units = 6, activation = RELU) Layer hidden;
    @Dense(units = 1, activation = SIGMOID) Layer out;
  }

  /** Several independent sigmoid outputs (multi-label) with binary cross-entropy, looped. */
  @Network(loss = Loss.BINARY_CROSS_ENTROPY, doublePrecision = true)
  abstract static class MultiLabelSigmoid {
    @Input(30) Layer in;
    @Dense(units = 12, activation = ELU) Layer hidden;
    @Dense(units = 30, activation = SIGMOID) Layer out;
  }

  /** Softmax with categorical cross-entropy, unrolled. */
  @Network(loss = Loss.CATEGORICAL_CROSS_ENTROPY, doublePrecision = true)
  abstract static class CategoricalSoftmax {
    @Input(4) Layer in;
    @Dense(units = 6, activation = RELU) Layer hidden;
    @Dense(units = 3, activation = SOFTMAX) Layer out;
  }

  /** Softmax with categorical cross-entropy, looped. */
  @Network(loss = Loss.CATEGORICAL_CROSS_ENTROPY, doublePrecision = true)
  abstract static class WideSoftmax {
    @Input(40) Layer in;
    @Dense(units = 32, activation = GELU) Layer hidden;
    @Dense(units = 10, activation = SOFTMAX) Layer out;
  }

  /** Dropout between hidden layers and on the input. */
  @Network(loss = Loss.CATEGORICAL_CROSS_ENTROPY, doublePrecision = true)
  abstract static class WithDropout {
    @Input(6) Layer in;
    @Dropout(0.2) Layer inputDrop;
    @Dense(units = 50, activation = RELU) Layer hidden1;
    @Dropout(0.5) Layer drop1;
    @Dense(units = 8, activation = TANH) Layer hidden2;
    @Dropout(0.3) Layer drop2;
    @Dense(units = 3, activation = SOFTMAX) Layer out;
  }

  /**
   * Weight penalties: L1 on a looped layer, L2 on an unrolled one, both (elastic net) on the
   * output.
   */
  @Network(loss = Loss.CATEGORICAL_CROSS_ENTROPY, doublePrecision = true)
  abstract static class Penalized {
    @Input(5) Layer in;
    @Dense(units = 60, activation = TANH, l1 = 0.01) Layer wide;
    @Dense(units = 4, activation = RELU, l2 = 0.05) Layer narrow;
    @Dense(units = 3, activation = SOFTMAX, l1 = 0.002, l2 = 0.01) Layer out;
  }

  /** {@link Penalized} without penalties: the same layers and, from a seed, the same weights. */
  @Network(loss = Loss.CATEGORICAL_CROSS_ENTROPY, doublePrecision = true)
  abstract static class Unpenalized {
    @Input(5) Layer in;
    @Dense(units = 60, activation = TANH) Layer wide;
    @Dense(units = 4, activation = RELU) Layer narrow;
    @Dense(units = 3, activation = SOFTMAX) Layer out;
  }

  /** Custom alphas. */
  @Network(loss = Loss.MSE, doublePrecision = true)
  abstract static class Alphas {
    @Input(3) Layer in;
    @Dense(units = 7, activation = LEAKY_RELU, alpha = 0.2) Layer leaky;
    @Dense(units = 7, activation = ELU, alpha = 0.5) Layer elu;
    @Dense(units = 2) Layer out;
  }

  /** Batch normalization after the activation of its dense layer, unrolled and looped. */
  @Network(loss = Loss.MSE, doublePrecision = true)
  abstract static class BatchNormAfterActivation {
    @Input(5) Layer in;
    @Dense(units = 8, activation = TANH) Layer narrow;
    @BatchNorm Layer narrowNorm;
    @Dense(units = 40, activation = SWISH) Layer wide;
    @BatchNorm(momentum = 0.9, epsilon = 1e-2) Layer wideNorm;
    @Dense(units = 2) Layer out;
  }

  /** Batch normalization before the activation, as its own activation, with dropout after. */
  @Network(loss = Loss.CATEGORICAL_CROSS_ENTROPY, doublePrecision = true)
  abstract static class BatchNormBeforeActivation {
    @Input(6) Layer in;
    @Dense(units = 50, bias = false) Layer wide;
    @BatchNorm(activation = RELU) Layer wideNorm;
    @Dropout(0.25) Layer drop;
    @Dense(units = 7, bias = false) Layer narrow;
    @BatchNorm(activation = ELU, alpha = 0.5, momentum = 0.8) Layer narrowNorm;
    @Dense(units = 4, bias = false) Layer third;
    @BatchNorm(activation = SIGMOID) Layer thirdNorm;
    @Dense(units = 3, activation = SOFTMAX) Layer out;
  }

  /** A two-dimensional input with dropout on its values, flattened for the dense layers. */
  @Network(loss = Loss.BINARY_CROSS_ENTROPY, doublePrecision = true)
  abstract static class Flattened {
    @Input({3, 4}) Layer image;
    @Dropout(0.2) Layer noise;
    @Flatten Layer flat;
    @Dense(units = 9, activation = GELU) Layer hidden;
    @Dense(units = 1, activation = SIGMOID) Layer out;
  }

  /** PRELU with slopes per unit and shared, unrolled and looped, and on the output. */
  @Network(loss = Loss.MSE, doublePrecision = true)
  abstract static class Prelu {
    @Input(4) Layer in;
    @Dense(units = 6, activation = PRELU) Layer narrow;
    @Dense(units = 50, activation = PRELU, preluMode = PreluMode.SHARED, alpha = 0.1) Layer wide;
    @Dense(units = 5, activation = PRELU, preluMode = PreluMode.SHARED) Layer narrowShared;
    @Dense(units = 45, activation = PRELU, alpha = -0.2) Layer widePerUnit;
    @Dense(units = 3, activation = PRELU) Layer out;
  }

  /**
   * PRELU with slopes per unit and shared, and layers without bias, with every layer unrolled (a
   * single sample is predicted in local variables).
   */
  @Network(loss = Loss.MSE, doublePrecision = true)
  abstract static class SmallPrelu {
    @Input(3) Layer in;
    @Dense(units = 5, activation = PRELU, bias = false) Layer perUnit;
    @Dropout(0.1) Layer drop;
    @Dense(units = 4, activation = PRELU, preluMode = PreluMode.SHARED, alpha = 0.1) Layer shared;
    @Dense(units = 2, activation = SWISH, bias = false) Layer out;
  }

  /** Layers without bias, unrolled and looped, with a fused softmax output. */
  @Network(loss = Loss.CATEGORICAL_CROSS_ENTROPY, doublePrecision = true)
  abstract static class NoBias {
    @Input(5) Layer in;
    @Dense(units = 60, activation = RELU, bias = false) Layer wide;
    @Dense(units = 4, activation = TANH, bias = false) Layer narrow;
    @Dense(units = 3, activation = SOFTMAX, bias = false) Layer out;
  }

  /** Every weight initialiser once. */
  @Network(loss = Loss.MSE, doublePrecision = true)
  abstract static class Initialisers {
    @Input(4) Layer in;
    @Dense(units = 6, activation = TANH, init = Init.GLOROT_UNIFORM) Layer glorotUniform;
    @Dense(units = 6, activation = TANH, init = Init.GLOROT_NORMAL) Layer glorotNormal;
    @Dense(units = 6, activation = RELU, init = Init.HE_UNIFORM) Layer heUniform;
    @Dense(units = 6, activation = RELU, init = Init.HE_NORMAL) Layer heNormal;
    @Dense(units = 6, activation = TANH, init = Init.NORMAL, initScale = 0.3) Layer normal;
    @Dense(units = 6, activation = TANH, init = Init.UNIFORM) Layer uniform;
    @Dense(units = 6, activation = TANH, init = Init.ZEROS) Layer zeros;
    @Dense(units = 2) Layer out;
  }
}
