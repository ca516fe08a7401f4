package dev.dendrite.processor;

import dev.dendrite.processor.check.Problem;
import dev.dendrite.processor.read.ElementRef;
import javax.annotation.processing.Messager;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * The one way diagnostics leave the processor: each is attached to the element, annotation and
 * annotation value at fault, so that javac and IDEs point at the exact value.
 */
final class Reporter {

  private final Messager messager;

  Reporter(Messager messager) {
    this.messager = messager;
  }

  /** Prints {@code problem}. */
  void report(Problem problem, Element fallback) {
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

  /** Reports a failure of the processor itself as one error on {@code element}. */
  void internalError(Element element, Throwable failure) {
    StringBuilder trace = new StringBuilder();
    StackTraceElement[] frames = failure.getStackTrace();
    for (int i = 0; i < Math.min(8, frames.length); i++) {
      trace.append("\n    at ").append(frames[i]);
    }
    messager.printMessage(Diagnostic.Kind.ERROR,
        "[DN000] internal error in the Dendrite processor while generating the network for "
            + element + ": " + failure
            + ". This is a bug in Dendrite, not in your code; please report it with the"
            + " declaration of " + element + " and this message." + trace,
        element);
  }
}
