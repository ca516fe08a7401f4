package dev.dendrite.processor.model;

import dev.dendrite.annotation.Loss;
import java.util.List;

/**
 * A {@code @Network} declaration as read from the source, before any rule is checked.
 *
 * @param type the annotated type
 * @param loss the declared loss
 * @param doublePrecision whether a double-precision twin is requested
 * @param fields the fields with layer annotations, in source order
 * @param source the {@code @Network} annotation, for diagnostics
 */
public record NetworkDecl(
    ClassDecl type, Loss loss, boolean doublePrecision, List<FieldDecl> fields, SourceRef source) {

  public NetworkDecl {
    fields = List.copyOf(fields);
  }
}
