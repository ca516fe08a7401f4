package dev.dendrite.processor.read;

import dev.dendrite.processor.model.SourceRef;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * A place in the source: an element, optionally one of its annotations and that annotation's
 * explicitly written values by attribute name, so that a diagnostic can underline the exact value.
 */
public record ElementRef(
    Element element, AnnotationMirror annotation, Map<String, AnnotationValue> values)
    implements SourceRef {

  /** A reference to an element as a whole. */
  public static ElementRef of(Element element) {
    return new ElementRef(element, null, Map.of());
  }

  /** The written value of {@code attribute}, or {@code null} if it was left at its default. */
  public AnnotationValue value(String attribute) {
    return attribute == null ? null : values.get(attribute);
  }

  @Override
  public String toString() {
    return element + (annotation == null ? "" : " " + annotation);
  }
}
