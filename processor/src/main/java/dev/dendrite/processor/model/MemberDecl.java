package dev.dendrite.processor.model;

/**
 * A field or member type that the generated subclass inherits, and so sees by its simple name.
 *
 * @param kind a field or a type
 * @param name the simple name
 * @param declaringType the qualified name of the type that declares it
 * @param declaredHere whether the annotated class itself declares it
 * @param source the member if declared here, otherwise the annotated class
 */
public record MemberDecl(
    Kind kind, String name, String declaringType, boolean declaredHere, SourceRef source) {

  /** What the member is. */
  public enum Kind {
    FIELD,
    TYPE
  }
}
