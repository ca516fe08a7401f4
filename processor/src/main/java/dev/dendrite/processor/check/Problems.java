package dev.dendrite.processor.check;

import dev.dendrite.processor.model.SourceRef;
import java.util.ArrayList;
import java.util.List;

/** Collects the problems that the rules find in one declaration. */
public final class Problems {

  private final List<Problem> list = new ArrayList<>();

  /** Records an error at {@code source}, on {@code attribute} if not null. */
  public void error(String rule, SourceRef source, String attribute, String message) {
    list.add(new Problem(rule, Problem.Severity.ERROR, message, source, attribute));
  }

  /** Records a warning at {@code source}, on {@code attribute} if not null. */
  public void warning(String rule, SourceRef source, String attribute, String message) {
    list.add(new Problem(rule, Problem.Severity.WARNING, message, source, attribute));
  }

  /** Whether any error was recorded. */
  public boolean hasErrors() {
    return list.stream().anyMatch(p -> p.severity() == Problem.Severity.ERROR);
  }

  /** Everything recorded, in order. */
  public List<Problem> all() {
    return List.copyOf(list);
  }
}
