package dev.dendrite.processor.check;

import dev.dendrite.processor.model.SourceRef;

/**
 * One thing wrong with a declaration.
 *
 * @param rule the rule's stable id, e.g. {@code DN201}
 * @param severity error or warning
 * @param message what is wrong, with the values involved, and how to fix it
 * @param source the element or annotation at fault
 * @param attribute the annotation attribute at fault, or {@code null} for the whole annotation
 */
public record Problem(
    String rule, Severity severity, String message, SourceRef source, String attribute) {

  /** How serious a problem is. */
  public enum Severity {
    ERROR,
    WARNING
  }

  /** The message as printed: the rule id in brackets, then the text. */
  public String formatted() {
    return "[" + rule + "] " + message;
  }
}
