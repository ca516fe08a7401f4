package dev.dendrite.processor.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.dendrite.annotation.Activation;
import dev.dendrite.annotation.PreluMode;
import dev.dendrite.processor.model.CheckedLayer;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The expression that describes one layer at run time: {@code new Layer(name, kind, detail,
 * shape, parameter names, parameter count, flops, [buffer names, buffer count,] [settings])}, the
 * settings (left out when there are none) as {@code LayerSettings.dense(...)}, {@code batchNorm(...)}, {@code dropout(...)} or
 * {@code NONE}, so that programs read them as values rather than from the detail string.
 */
final class LayerDescription {

  static final ClassName LAYER_SETTINGS = ClassName.get(Precision.RUNTIME, "LayerSettings");
  private static final CodeBlock NONE = CodeBlock.of("$T.NONE", LAYER_SETTINGS);

  private LayerDescription() {}

  /**
   * {@code new Layer(...)} for {@code layer}, whose tensors are named {@code parameterNames} and
   * {@code bufferNames}.
   */
  static CodeBlock of(CheckedLayer layer, List<String> parameterNames, List<String> bufferNames) {
    String shape = Arrays.stream(layer.outputShape()).mapToObj(Integer::toString)
        .collect(Collectors.joining(", "));
    CodeBlock.Builder code = CodeBlock.builder()
        .add("new $T($S, $S, $S, new int[] {$L},$W$L, $LL, $LL",
            NetworkEmitter.LAYER, layer.name(), layer.kind(), layer.detail(), shape,
            names(parameterNames), layer.parameterCount(), layer.flopsPerSample());
    CodeBlock settings = settings(layer);
    if (layer.nonTrainableCount() > 0) {
      code.add(",$W$L, $LL,$W$L", names(bufferNames), layer.nonTrainableCount(), settings);
    } else if (!settings.equals(NONE)) {
      code.add(",$W$L", settings);
    }
    return code.add(")").build();
  }

  /** The layer's settings as a {@code LayerSettings} expression. */
  static CodeBlock settings(CheckedLayer layer) {
    if (layer instanceof CheckedLayer.DenseLayer d) {
      if (Double.isNaN(d.alpha()) && !d.isPrelu() && d.bias()) {
        return CodeBlock.of("$T.dense($L)", LAYER_SETTINGS, activation(d.activation()));
      }
      return CodeBlock.of("$T.dense($L, $L, $L, $L)", LAYER_SETTINGS, activation(d.activation()),
          number(d.alpha()), d.isPrelu() ? preluMode(d.preluMode()) : "null", d.bias());
    }
    if (layer instanceof CheckedLayer.BatchNormLayer b) {
      return CodeBlock.of("$T.batchNorm($L, $L, $L, $L)", LAYER_SETTINGS, number(b.momentum()),
          number(b.epsilon()), activation(b.activation()), number(b.alpha()));
    }
    if (layer instanceof CheckedLayer.DropoutLayer d) {
      return CodeBlock.of("$T.dropout($L)", LAYER_SETTINGS, number(d.rate()));
    }
    return NONE;
  }

  private static CodeBlock activation(Activation activation) {
    return CodeBlock.of("$T.$L", Activation.class, activation.name());
  }

  private static CodeBlock preluMode(PreluMode mode) {
    return CodeBlock.of("$T.$L", PreluMode.class, mode.name());
  }

  /** A double literal; {@code Double.NaN} for a setting that does not apply. */
  private static CodeBlock number(double value) {
    return Double.isNaN(value) ? CodeBlock.of("$T.NaN", Double.class)
        : CodeBlock.of("$L", Double.toString(value));
  }

  /** {@code List.of("hidden.weight", "hidden.bias")}. */
  private static CodeBlock names(List<String> names) {
    return CodeBlock.of("$T.of($L)", List.class, names.stream()
        .map(n -> CodeBlock.of("$S", n)).collect(CodeBlock.joining(", ")));
  }
}
