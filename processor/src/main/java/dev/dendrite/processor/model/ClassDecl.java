package dev.dendrite.processor.model;

/**
 * The facts about the annotated type that decide whether a network can be generated for it.
 *
 * @param packageName the package, empty for the unnamed package
 * @param simpleName the type's simple name
 * @param nestingPath the names of the enclosing types and the type, outermost first, joined with
 *     dots (e.g. {@code Outer.Inner}); equals {@code simpleName} for a top-level type
 * @param kind what the type is: CLASS, INTERFACE, ENUM, RECORD or ANNOTATION_TYPE
 * @param isFinal whether the class is final
 * @param isPrivate whether the type (or one of its enclosing types) is private
 * @param isInnerClass whether it is a nested class that is not static (it needs an outer instance)
 * @param isGeneric whether it declares type parameters
 * @param hasUsableConstructor whether it has a non-private constructor without parameters
 * @param source the type, for diagnostics
 */
public record ClassDecl(
    String packageName,
    String simpleName,
    String nestingPath,
    Kind kind,
    boolean isFinal,
    boolean isPrivate,
    boolean isInnerClass,
    boolean isGeneric,
    boolean hasUsableConstructor,
    SourceRef source) {

  /** The kinds of type a {@code @Network} annotation can be written on. */
  public enum Kind {
    CLASS,
    INTERFACE,
    ENUM,
    RECORD,
    ANNOTATION_TYPE
  }
}
