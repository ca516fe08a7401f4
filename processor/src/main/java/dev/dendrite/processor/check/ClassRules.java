package dev.dendrite.processor.check;

import dev.dendrite.processor.model.ClassDecl;
import dev.dendrite.processor.model.NetworkDecl;

/**
 * Rules on the annotated type itself: the generated network is a top-level class in the same
 * package that extends it and calls its no-argument constructor (DN101 to DN108).
 */
final class ClassRules implements Rule {

  @Override
  public void check(NetworkDecl network, Problems problems) {
    ClassDecl type = network.type();
    String name = type.nestingPath();
    String generated = "'" + type.generatedName() + "'";
    if (type.kind() != ClassDecl.Kind.CLASS) {
      problems.add(RuleId.DN101, network.source(), null,
          "@Network is on " + article(type.kind()) + " '" + name + "', but the generated "
              + generated + " is a subclass of the annotated type, which must be a class;"
              + " declare 'abstract class " + type.simpleName() + "' with the layers as fields");
    }
    if (network.fields().isEmpty()) {
      problems.add(RuleId.DN107, network.source(), null,
          "network '" + name + "' declares no layers; add an @Input field followed by @Dense"
              + " fields, e.g. '@Input(2) Layer in; @Dense(units = 1) Layer out;'");
    }
    if (type.kind() != ClassDecl.Kind.CLASS) {
      return;
    }
    if (type.isFinal()) {
      problems.add(RuleId.DN102, type.source(), null,
          "class '" + name + "' is final, but the generated " + generated + " extends it;"
              + " remove 'final'");
    }
    if (type.isSealed()) {
      problems.add(RuleId.DN108, type.source(), null,
          "class '" + name + "' is sealed, but the generated " + generated + " extends it and"
              + " is not among its permitted subclasses; remove 'sealed' and the 'permits'"
              + " clause");
    }
    if (type.privateType() != null) {
      String which = type.privateType().equals(name)
          ? "class '" + name + "' is private"
          : "class '" + name + "' is inside the private class '" + type.privateType() + "'";
      problems.add(RuleId.DN103, type.source(), null,
          which + ", so the generated " + generated + ", a top-level class in the same package,"
              + " cannot extend it; make '" + type.privateType() + "' package-private or public");
    }
    if (type.isInnerClass()) {
      String outer = name.substring(0, name.lastIndexOf('.'));
      problems.add(RuleId.DN104, type.source(), null,
          "class '" + name + "' is an inner class: it is not static, so each instance needs an"
              + " enclosing '" + outer + "' instance, which the generated " + generated
              + " does not have; declare it 'static'");
    }
    if (!type.typeParameters().isEmpty()) {
      problems.add(RuleId.DN105, type.source(), null,
          "class '" + name + "' has type parameters <" + String.join(", ", type.typeParameters())
              + ">, but the generated " + generated + " is one plain class with fixed shapes"
              + " and types; remove the type parameters");
    }
    if (!type.hasUsableConstructor()) {
      problems.add(RuleId.DN106, type.source(), null,
          "class '" + name + "' has no constructor the generated " + generated + " can call:"
              + " it needs a non-private constructor without parameters that throws no checked"
              + " exception, but '" + name + "' has only " + String.join(", ", type.constructors())
              + "; add '" + type.simpleName() + "() {}'");
    }
  }

  private static String article(ClassDecl.Kind kind) {
    return switch (kind) {
      case INTERFACE -> "the interface";
      case ENUM -> "the enum";
      case RECORD -> "the record";
      case ANNOTATION_TYPE -> "the annotation type";
      case CLASS -> "the class";
    };
  }
}
