package dev.dendrite.processor.check;

import dev.dendrite.processor.model.SourceRef;
import java.util.ArrayList;
import java.util.List;

/** Collects the problems that the rules find in one declaration. */
public final class Problems {

  private final List<Problem> list = new ArrayList<>();

  /**
   * Records a problem of {@code rule} at {@code source}, on {@code attribute} if not null; its
   * severity is the rule's.
   */
  public void add(RuleId rule, SourceRef source, String attribute, String message) {
    list.add(new Problem(rule, message, source, attribute));
  }

  /** Whether any error was recorded. */
  public boolean hasErrors() {
    return list.stream().anyMatch(p -> p.severity() == Problem.Severity.ERROR);
  }

  /** Whether a problem of {@code rule} was recorded. */
  public boolean has(RuleId rule) {
    return list.stream().anyMatch(p -> p.rule() == rule);
  }

  /** Everything recorded, in order. */
  public List<Problem> all() {
    return List.copyOf(list);
  }
}
