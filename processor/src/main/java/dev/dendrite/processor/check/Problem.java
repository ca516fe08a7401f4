package dev.dendrite.processor.check;

import dev.dendrite.processor.model.SourceRef;

/**
 * One thing wrong with a declaration.
 *
 * @param rule the rule that found it; its id starts the printed message
 * @param message what is wrong, with the values involved, and how to fix it
 * @param source the element or annotation at fault
 * @param attribute the annotation attribute at fault, or {@code null} for the whole annotation
 */
public record Problem(RuleId rule, String message, SourceRef source, String attribute) {

  /** How serious a problem is. */
  public enum Severity {
    ERROR,
    WARNING
  }

  /** The rule's severity. */
  public Severity severity() {
    return rule.severity();
  }

  /** The message as printed: the rule id in brackets, then the text. */
  public String formatted() {
    return "[" + rule + "] " + message;
  }
}
