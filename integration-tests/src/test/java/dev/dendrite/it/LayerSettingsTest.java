package dev.dendrite.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dendrite.Layer;
import dev.dendrite.LayerSettings;
import dev.dendrite.Model;
import dev.dendrite.annotation.Activation;
import dev.dendrite.annotation.PreluMode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Generated networks describe each layer's settings as values, defaults applied. */
class LayerSettingsTest {

  private static List<LayerSettings> settings(Model net) {
    return net.layers().stream().map(Layer::settings).toList();
  }

  @Test
  void denseLayersCarryActivationAlphaBiasAndPreluMode() {
    assertEquals(List.of(
            LayerSettings.NONE,
            LayerSettings.dense(Activation.LEAKY_RELU, 0.2, null, true),
            LayerSettings.dense(Activation.ELU, 0.5, null, true),
            LayerSettings.dense(Activation.LINEAR, Double.NaN, null, true)),
        settings(new TestNets_AlphasNet(1)));
    assertEquals(0.01, new TestNets_HiddenLeakyReluNet(1).layers().get(1).settings().alpha());
    assertEquals(1.0, new TestNets_HiddenEluNet(1).layers().get(1).settings().alpha());
    assertEquals(List.of(
            LayerSettings.NONE,
            LayerSettings.dense(Activation.PRELU, 0.25, PreluMode.PER_UNIT, false),
            LayerSettings.dropout(0.1),
            LayerSettings.dense(Activation.PRELU, 0.1, PreluMode.SHARED, true),
            LayerSettings.dense(Activation.SWISH, Double.NaN, null, false)),
        settings(new TestNets_SmallPreluNet(1)));
  }

  @Test
  void batchNormAndFlattenLayersCarryTheirs() {
    List<LayerSettings> norm = settings(new TestNets_BatchNormBeforeActivationNet(1));
    assertEquals(LayerSettings.batchNorm(0.99, 1e-3, Activation.RELU, Double.NaN), norm.get(2));
    assertEquals(LayerSettings.dropout(0.25), norm.get(3));
    assertEquals(LayerSettings.batchNorm(0.8, 1e-3, Activation.ELU, 0.5), norm.get(5));
    LayerSettings wideNorm = new TestNets_BatchNormAfterActivationNet(1).layers().get(4).settings();
    assertEquals(LayerSettings.batchNorm(0.9, 1e-2, Activation.LINEAR, Double.NaN), wideNorm);
    assertEquals(LayerSettings.NONE, new TestNets_FlattenedNet(1).layers().get(2).settings());
    assertEquals("momentum 0.8, epsilon 0.001, ELU(0.5)",
        new TestNets_BatchNormBeforeActivationNet(1).layers().get(5).detail());
  }
}
