package dev.dendrite.processor.check;

import dev.dendrite.processor.model.ClassDecl;
import dev.dendrite.processor.model.NetworkDecl;

/** Rules on the annotated type itself: the generated network must be able to extend it. */
final class ClassRules implements Rule {

  static final String NOT_A_CLASS = "DN101";
  static final String FINAL_CLASS = "DN102";
  static final String PRIVATE_CLASS = "DN103";
  static final String INNER_CLASS = "DN104";
  static final String GENERIC_CLASS = "DN105";
  static final String NO_CONSTRUCTOR = "DN106";
  static final String NO_LAYERS = "DN107";

  @Override
  public void check(NetworkDecl network, Problems problems) {
    ClassDecl type = network.type();
    String name = type.nestingPath();
    if (type.kind() != ClassDecl.Kind.CLASS) {
      problems.error(NOT_A_CLASS, network.source(), null,
          "@Network is on " + article(type.kind()) + " '" + name + "', but the generated network"
              + " extends the annotated type; declare " + name + " as an abstract class");
      return;
    }
    if (type.isFinal()) {
      problems.error(FINAL_CLASS, type.source(), null,
          "class '" + name + "' is final, but the generated " + name.replace('.', '_')
              + "Net extends it; remove 'final'");
    }
    if (type.isPrivate()) {
      problems.error(PRIVATE_CLASS, type.source(), null,
          "class '" + name + "' is private, so the generated network in the same package cannot"
              + " extend it; make it package-private or public");
    }
    if (type.isInnerClass()) {
      problems.error(INNER_CLASS, type.source(), null,
          "class '" + name + "' is an inner class, which needs an enclosing instance; declare it"
              + " 'static'");
    }
    if (type.isGeneric()) {
      problems.error(GENERIC_CLASS, type.source(), null,
          "class '" + name + "' has type parameters, but a network has fixed shapes and types;"
              + " remove the type parameters");
    }
    if (!type.hasUsableConstructor()) {
      problems.error(NO_CONSTRUCTOR, type.source(), null,
          "class '" + name + "' has no non-private constructor without parameters for the"
              + " generated network to call; add one");
    }
    if (network.fields().isEmpty()) {
      problems.error(NO_LAYERS, network.source(), null,
          "network '" + name + "' declares no layers; add an @Input field followed by @Dense"
              + " fields, e.g. '@Input(2) Layer in; @Dense(units = 1) Layer out;'");
    }
  }

  private static String article(ClassDecl.Kind kind) {
    return switch (kind) {
      case INTERFACE -> "an interface";
      case ENUM -> "an enum";
      case RECORD -> "a record";
      case ANNOTATION_TYPE -> "an annotation type";
      case CLASS -> "a class";
    };
  }
}
