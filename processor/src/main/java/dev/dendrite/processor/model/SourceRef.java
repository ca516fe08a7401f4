package dev.dendrite.processor.model;

/**
 * Where something was declared: a class, a field, or an annotation on a field. The reader supplies
 * the implementation; the checker only hands it back with each problem it finds, together with
 * the name of the annotation attribute at fault.
 */
public interface SourceRef {

  /** A reference to nowhere, for models built by hand in tests. */
  SourceRef NONE = new SourceRef() {
    @Override
    public String toString() {
      return "<no source>";
    }
  };
}
