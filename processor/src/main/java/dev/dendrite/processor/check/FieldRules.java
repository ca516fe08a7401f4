package dev.dendrite.processor.check;

import dev.dendrite.processor.model.FieldDecl;
import dev.dendrite.processor.model.LayerSpec;
import dev.dendrite.processor.model.NetworkDecl;
import java.util.stream.Collectors;

/** Rules on the fields that carry layer annotations. */
final class FieldRules implements Rule {

  static final String TWO_LAYERS_ON_FIELD = "DN201";
  static final String STATIC_FIELD = "DN202";
  static final String FINAL_FIELD = "DN203";
  static final String PRIVATE_FIELD = "DN204";
  static final String FIELD_TYPE = "DN205";

  /** The type layer fields are declared with. */
  static final String LAYER_TYPE = "dev.dendrite.Layer";

  @Override
  public void check(NetworkDecl network, Problems problems) {
    for (FieldDecl field : network.fields()) {
      String name = field.name();
      if (field.layers().size() > 1) {
        String written = field.layers().stream()
            .map(l -> "@" + l.annotationName())
            .collect(Collectors.joining(" and "));
        LayerSpec second = field.layers().get(1);
        problems.error(TWO_LAYERS_ON_FIELD, second.source(), null,
            "field '" + name + "' has " + written + ", but a field declares one layer; move @"
                + second.annotationName() + " to a field of its own");
      }
      if (field.isStatic()) {
        problems.error(STATIC_FIELD, field.source(), null,
            "layer '" + name + "' is a static field, but layers belong to each network instance;"
                + " remove 'static'");
      }
      if (field.isFinal()) {
        problems.error(FINAL_FIELD, field.source(), null,
            "layer '" + name + "' is a final field, but the generated network assigns it; remove"
                + " 'final'");
      }
      if (field.isPrivate()) {
        problems.error(PRIVATE_FIELD, field.source(), null,
            "layer '" + name + "' is a private field, which the generated subclass cannot"
                + " assign; make it package-private");
      }
      if (field.typeName() != null && !field.typeName().equals(LAYER_TYPE)) {
        problems.error(FIELD_TYPE, field.source(), null,
            "layer '" + name + "' is declared as " + field.typeName() + ", but layer fields have"
                + " type " + LAYER_TYPE + "; declare it as 'Layer " + name + ";'");
      }
    }
  }
}
