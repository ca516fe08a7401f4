package dev.dendrite.it;

import dev.dendrite.DoubleModel;
import dev.dendrite.Model;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** Every network of {@link TestNets}, as constructors from a seed, for parameterized tests. */
final class AllTestNets {

  private AllTestNets() {}

  /** (name, seed -> double-precision network). */
  static Stream<Arguments> doubleNets() {
    return Stream.of(
        Arguments.of("HiddenLinear", (LongFunction<DoubleModel>) TestNets_HiddenLinearNetDouble::new),
        Arguments.of("HiddenRelu", (LongFunction<DoubleModel>) TestNets_HiddenReluNetDouble::new),
        Arguments.of("HiddenLeakyRelu", (LongFunction<DoubleModel>) TestNets_HiddenLeakyReluNetDouble::new),
        Arguments.of("HiddenElu", (LongFunction<DoubleModel>) TestNets_HiddenEluNetDouble::new),
        Arguments.of("HiddenSigmoid", (LongFunction<DoubleModel>) TestNets_HiddenSigmoidNetDouble::new),
        Arguments.of("HiddenTanh", (LongFunction<DoubleModel>) TestNets_HiddenTanhNetDouble::new),
        Arguments.of("HiddenSoftplus", (LongFunction<DoubleModel>) TestNets_HiddenSoftplusNetDouble::new),
        Arguments.of("HiddenGelu", (LongFunction<DoubleModel>) TestNets_HiddenGeluNetDouble::new),
        Arguments.of("HiddenSwish", (LongFunction<DoubleModel>) TestNets_HiddenSwishNetDouble::new),
        Arguments.of("HiddenMish", (LongFunction<DoubleModel>) TestNets_HiddenMishNetDouble::new),
        Arguments.of("MseLinear", (LongFunction<DoubleModel>) TestNets_MseLinearNetDouble::new),
        Arguments.of("MseRelu", (LongFunction<DoubleModel>) TestNets_MseReluNetDouble::new),
        Arguments.of("MseLeakyRelu", (LongFunction<DoubleModel>) TestNets_MseLeakyReluNetDouble::new),
        Arguments.of("MseElu", (LongFunction<DoubleModel>) TestNets_MseEluNetDouble::new),
        Arguments.of("MseSigmoid", (LongFunction<DoubleModel>) TestNets_MseSigmoidNetDouble::new),
        Arguments.of("MseTanh", (LongFunction<DoubleModel>) TestNets_MseTanhNetDouble::new),
        Arguments.of("MseSoftplus", (LongFunction<DoubleModel>) TestNets_MseSoftplusNetDouble::new),
        Arguments.of("MseGelu", (LongFunction<DoubleModel>) TestNets_MseGeluNetDouble::new),
        Arguments.of("MseSwish", (LongFunction<DoubleModel>) TestNets_MseSwishNetDouble::new),
        Arguments.of("MseMish", (LongFunction<DoubleModel>) TestNets_MseMishNetDouble::new),
        Arguments.of("MseSoftmax", (LongFunction<DoubleModel>) TestNets_MseSoftmaxNetDouble::new),
        Arguments.of("BinarySigmoid", (LongFunction<DoubleModel>) TestNets_BinarySigmoidNetDouble::new),
        Arguments.of("MultiLabelSigmoid", (LongFunction<DoubleModel>) TestNets_MultiLabelSigmoidNetDouble::new),
        Arguments.of("CategoricalSoftmax", (LongFunction<DoubleModel>) TestNets_CategoricalSoftmaxNetDouble::new),
        Arguments.of("WideSoftmax", (LongFunction<DoubleModel>) TestNets_WideSoftmaxNetDouble::new),
        Arguments.of("WithDropout", (LongFunction<DoubleModel>) TestNets_WithDropoutNetDouble::new),
        Arguments.of("Alphas", (LongFunction<DoubleModel>) TestNets_AlphasNetDouble::new),
        Arguments.of("BatchNormAfterActivation", (LongFunction<DoubleModel>) TestNets_BatchNormAfterActivationNetDouble::new),
        Arguments.of("BatchNormBeforeActivation", (LongFunction<DoubleModel>) TestNets_BatchNormBeforeActivationNetDouble::new),
        Arguments.of("Flattened", (LongFunction<DoubleModel>) TestNets_FlattenedNetDouble::new),
        Arguments.of("Prelu", (LongFunction<DoubleModel>) TestNets_PreluNetDouble::new),
        Arguments.of("SmallPrelu", (LongFunction<DoubleModel>) TestNets_SmallPreluNetDouble::new),
        Arguments.of("NoBias", (LongFunction<DoubleModel>) TestNets_NoBiasNetDouble::new),
        Arguments.of("Initialisers", (LongFunction<DoubleModel>) TestNets_InitialisersNetDouble::new),
        Arguments.of("Penalized", (LongFunction<DoubleModel>) TestNets_PenalizedNetDouble::new));
  }

  /** (name, seed -> float network). */
  static Stream<Arguments> floatNets() {
    return Stream.of(
        Arguments.of("HiddenLinear", (LongFunction<Model>) TestNets_HiddenLinearNet::new),
        Arguments.of("HiddenRelu", (LongFunction<Model>) TestNets_HiddenReluNet::new),
        Arguments.of("HiddenLeakyRelu", (LongFunction<Model>) TestNets_HiddenLeakyReluNet::new),
        Arguments.of("HiddenElu", (LongFunction<Model>) TestNets_HiddenEluNet::new),
        Arguments.of("HiddenSigmoid", (LongFunction<Model>) TestNets_HiddenSigmoidNet::new),
        Arguments.of("HiddenTanh", (LongFunction<Model>) TestNets_HiddenTanhNet::new),
        Arguments.of("HiddenSoftplus", (LongFunction<Model>) TestNets_HiddenSoftplusNet::new),
        Arguments.of("HiddenGelu", (LongFunction<Model>) TestNets_HiddenGeluNet::new),
        Arguments.of("HiddenSwish", (LongFunction<Model>) TestNets_HiddenSwishNet::new),
        Arguments.of("HiddenMish", (LongFunction<Model>) TestNets_HiddenMishNet::new),
        Arguments.of("MseLinear", (LongFunction<Model>) TestNets_MseLinearNet::new),
        Arguments.of("MseRelu", (LongFunction<Model>) TestNets_MseReluNet::new),
        Arguments.of("MseLeakyRelu", (LongFunction<Model>) TestNets_MseLeakyReluNet::new),
        Arguments.of("MseElu", (LongFunction<Model>) TestNets_MseEluNet::new),
        Arguments.of("MseSigmoid", (LongFunction<Model>) TestNets_MseSigmoidNet::new),
        Arguments.of("MseTanh", (LongFunction<Model>) TestNets_MseTanhNet::new),
        Arguments.of("MseSoftplus", (LongFunction<Model>) TestNets_MseSoftplusNet::new),
        Arguments.of("MseGelu", (LongFunction<Model>) TestNets_MseGeluNet::new),
        Arguments.of("MseSwish", (LongFunction<Model>) TestNets_MseSwishNet::new),
        Arguments.of("MseMish", (LongFunction<Model>) TestNets_MseMishNet::new),
        Arguments.of("MseSoftmax", (LongFunction<Model>) TestNets_MseSoftmaxNet::new),
        Arguments.of("BinarySigmoid", (LongFunction<Model>) TestNets_BinarySigmoidNet::new),
        Arguments.of("MultiLabelSigmoid", (LongFunction<Model>) TestNets_MultiLabelSigmoidNet::new),
        Arguments.of("CategoricalSoftmax", (LongFunction<Model>) TestNets_CategoricalSoftmaxNet::new),
        Arguments.of("WideSoftmax", (LongFunction<Model>) TestNets_WideSoftmaxNet::new),
        Arguments.of("WithDropout", (LongFunction<Model>) TestNets_WithDropoutNet::new),
        Arguments.of("Alphas", (LongFunction<Model>) TestNets_AlphasNet::new),
        Arguments.of("BatchNormAfterActivation", (LongFunction<Model>) TestNets_BatchNormAfterActivationNet::new),
        Arguments.of("BatchNormBeforeActivation", (LongFunction<Model>) TestNets_BatchNormBeforeActivationNet::new),
        Arguments.of("Flattened", (LongFunction<Model>) TestNets_FlattenedNet::new),
        Arguments.of("Prelu", (LongFunction<Model>) TestNets_PreluNet::new),
        Arguments.of("SmallPrelu", (LongFunction<Model>) TestNets_SmallPreluNet::new),
        Arguments.of("NoBias", (LongFunction<Model>) TestNets_NoBiasNet::new),
        Arguments.of("Initialisers", (LongFunction<Model>) TestNets_InitialisersNet::new));
  }
}
