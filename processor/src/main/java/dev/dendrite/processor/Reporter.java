package dev.dendrite.processor;

import dev.dendrite.processor.check.Problem;
import dev.dendrite.processor.check.RuleId;
import dev.dendrite.processor.read.ElementRef;
import javax.annotation.processing.Messager;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * The one way diagnostics leave the processor: each is attached to the element, annotation and
 * annotation value at fault, so that javac and IDEs point at the exact value.
 *
 * <p>A warning is left out when the element it is on, or an element enclosing it, says
 * {@code @SuppressWarnings("DN403")} with the rule's id, or {@code @SuppressWarnings("dendrite")}
 * for every Dendrite warning. Errors cannot be suppressed.
 */
final class Reporter {

  /** The {@code @SuppressWarnings} value that silences every Dendrite warning. */
  static final String ALL_WARNINGS = "dendrite";

  private final Messager messager;

  Reporter(Messager messager) {
    this.messager = messager;
  }

  /** Prints {@code problem}, on {@code fallback} if it carries no place of its own. */
  void report(Problem problem, Element fallback) {
    Element element = problem.source() instanceof ElementRef ref ? ref.element() : fallback;
    if (problem.severity() == Problem.Severity.WARNING
        && suppressed(element, problem.rule().name())) {
      return;
    }
    Diagnostic.Kind kind = problem.severity() == Problem.Severity.ERROR
        ? Diagnostic.Kind.ERROR
        : Diagnostic.Kind.WARNING;
    if (problem.source() instanceof ElementRef ref) {
      if (ref.annotation() == null) {
        messager.printMessage(kind, problem.formatted(), ref.element());
      } else if (ref.value(problem.attribute()) == null) {
        messager.printMessage(kind, problem.formatted(), ref.element(), ref.annotation());
      } else {
        messager.printMessage(kind, problem.formatted(), ref.element(), ref.annotation(),
            ref.value(problem.attribute()));
      }
    } else {
      messager.printMessage(kind, problem.formatted(), fallback);
    }
  }

  private static boolean suppressed(Element element, String rule) {
    for (Element e = element; e != null; e = e.getEnclosingElement()) {
      SuppressWarnings suppress = e.getAnnotation(SuppressWarnings.class);
      if (suppress != null) {
        for (String value : suppress.value()) {
          if (value.equals(rule) || value.equals(ALL_WARNINGS)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * Reports a failure of the processor itself as one error on {@code element} (on none if
   * {@code null}), with the first frames of its stack for the bug report.
   */
  void internalError(Element element, Throwable failure) {
    StringBuilder trace = new StringBuilder();
    StackTraceElement[] frames = failure.getStackTrace();
    for (int i = 0; i < Math.min(8, frames.length); i++) {
      trace.append("\n    at ").append(frames[i]);
    }
    String what = element == null ? "this round" : "'" + element + "'";
    String message = "[" + RuleId.DN000 + "] internal error in the Dendrite processor while"
        + " handling " + what + ": " + failure + ". This is a bug in Dendrite, not in your code:"
        + " please report it to the Dendrite issue tracker with the declaration of " + what
        + " and this message. No network was generated for " + what + "." + trace;
    if (element == null) {
      messager.printMessage(Diagnostic.Kind.ERROR, message);
    } else {
      messager.printMessage(Diagnostic.Kind.ERROR, message, element);
    }
  }
}
