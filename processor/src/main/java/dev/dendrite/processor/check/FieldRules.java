package dev.dendrite.processor.check;

import dev.dendrite.processor.model.ClassDecl;
import dev.dendrite.processor.model.FieldDecl;
import dev.dendrite.processor.model.LayerSpec;
import dev.dendrite.processor.model.NetworkDecl;
import java.util.stream.Collectors;

/**
 * Rules on the fields that carry layer annotations: one layer per field, and a field the
 * generated subclass can assign, with a name it can derive its own from (DN201 to DN205, DN208).
 */
final class FieldRules implements Rule {

  /** The type layer fields are declared with. */
  static final String LAYER_TYPE = "dev.dendrite.Layer";

  @Override
  public void check(NetworkDecl network, Problems problems) {
    // The fields of an interface, enum, record or annotation type are what that kind of type
    // makes them; DN101 already says to declare a class instead.
    boolean isClass = network.type().kind() == ClassDecl.Kind.CLASS;
    String generated = "'" + network.type().generatedName() + "'";
    for (FieldDecl field : network.fields()) {
      String name = field.name();
      if (field.layers().size() > 1) {
        String written = field.layers().stream()
            .map(l -> "@" + l.annotationName())
            .collect(Collectors.joining(" and "));
        LayerSpec second = field.layers().get(1);
        problems.add(RuleId.DN201, second.source(), null,
            "field '" + name + "' has " + written + ", but a field declares one layer; move @"
                + second.annotationName() + " to a field of its own after '" + name + "'");
      }
      if (isClass && field.isStatic()) {
        problems.add(RuleId.DN202, field.source(), null,
            "layer '" + name + "' is a static field, but each network instance has its own"
                + " layers; remove 'static'");
      }
      if (isClass && field.isFinal()) {
        problems.add(RuleId.DN203, field.source(), null,
            "layer '" + name + "' is a final field, but the generated " + generated
                + " assigns it in its constructor; remove 'final'");
      }
      if (isClass && field.isPrivate()) {
        problems.add(RuleId.DN204, field.source(), null,
            "layer '" + name + "' is a private field, which the generated subclass " + generated
                + " cannot assign; remove 'private' (package-private, protected and public all"
                + " work)");
      }
      if (name.indexOf('$') >= 0) {
        problems.add(RuleId.DN208, field.source(), null,
            "layer '" + name + "' has '$' in its name, which the generated " + generated
                + " does not support in the names it derives from layers (Java keeps '$' for"
                + " generated code); rename the field without '$'");
      }
      if (field.typeName() != null && !field.typeName().equals(LAYER_TYPE)) {
        problems.add(RuleId.DN205, field.source(), null,
            "layer '" + name + "' is declared as " + field.typeName() + ", but a layer field has"
                + " type " + LAYER_TYPE + ", which the generated " + generated + " sets to the"
                + " layer's description; declare it as 'Layer " + name + ";'");
      }
    }
  }
}
