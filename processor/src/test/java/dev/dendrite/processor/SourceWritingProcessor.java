package dev.dendrite.processor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/**
 * Stands for another annotation processor: writes the given sources, each in the round given
 * (counting from 1), so that Dendrite meets types that appear only in later rounds.
 */
final class SourceWritingProcessor extends AbstractProcessor {

  /** Qualified type name to {round, source}. */
  private final Map<String, Object[]> sources;
  private int round;

  /** {@code sources}: qualified name to {@code new Object[] {round, source text}}. */
  SourceWritingProcessor(Map<String, Object[]> sources) {
    this.sources = sources;
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of("*");
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment env) {
    round++;
    for (Map.Entry<String, Object[]> source : sources.entrySet()) {
      if ((Integer) source.getValue()[0] == round) {
        try (Writer out = processingEnv.getFiler().createSourceFile(source.getKey()).openWriter()) {
          out.write((String) source.getValue()[1]);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return false;
  }
}
