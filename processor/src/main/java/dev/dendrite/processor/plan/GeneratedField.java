package dev.dendrite.processor.plan;

/**
 * An instance field of a generated network.
 *
 * @param name its name
 * @param layer the layer it belongs to, or {@code null} for the network's own
 * @param purpose what it holds, for messages, e.g. {@code the weight gradient of 'a'}
 */
public record GeneratedField(String name, String layer, String purpose) {

  static GeneratedField network(String name) {
    return new GeneratedField(name, null, "the network's '" + name + "'");
  }

  static GeneratedField layer(String layer, String name, String what) {
    return new GeneratedField(name, layer, what + " of '" + layer + "'");
  }
}
