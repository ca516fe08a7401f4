package dev.dendrite.processor.model;

import java.util.List;

/**
 * A field of a {@code @Network} class that carries at least one layer annotation.
 *
 * @param name the field name, which becomes the layer's name
 * @param typeName the field's declared type, fully qualified; {@code null} when it does not
 *     resolve (javac reports that itself)
 * @param isStatic whether the field is static
 * @param isFinal whether the field is final
 * @param isPrivate whether the field is private
 * @param layers the layer annotations on the field, in the order written
 * @param source the field, for diagnostics
 */
public record FieldDecl(
    String name,
    String typeName,
    boolean isStatic,
    boolean isFinal,
    boolean isPrivate,
    List<LayerSpec> layers,
    SourceRef source) {

  public FieldDecl {
    layers = List.copyOf(layers);
  }
}
