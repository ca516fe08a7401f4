package dev.dendrite.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.JavaFile;
import dev.dendrite.annotation.Network;
import dev.dendrite.processor.check.NetworkChecker;
import dev.dendrite.processor.check.Problem;
import dev.dendrite.processor.emit.NetworkEmitter;
import dev.dendrite.processor.model.NetworkDecl;
import dev.dendrite.processor.plan.NetworkPlan;
import dev.dendrite.processor.plan.Planner;
import dev.dendrite.processor.read.NetworkReader;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Generates a network for every class annotated with {@code @Network}: read, check, plan, emit.
 * A class with errors gets its diagnostics and no source; the other classes of the compilation
 * are generated as usual. The processor never lets an exception reach javac.
 */
@AutoService(Processor.class)
public final class DendriteProcessor extends AbstractProcessor {

  private final Set<String> generated = new HashSet<>();

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    Set<String> types = new HashSet<>(NetworkReader.LAYER_ANNOTATIONS);
    types.add(Network.class.getCanonicalName());
    return types;
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    Reporter reporter = new Reporter(processingEnv.getMessager());
    for (Element element : round.getElementsAnnotatedWith(Network.class)) {
      try {
        generate(element, reporter);
      } catch (RuntimeException | Error failure) {
        reporter.internalError(element, failure);
      }
    }
    return false;
  }

  private void generate(Element element, Reporter reporter) {
    if (!(element instanceof TypeElement type)
        || !generated.add(type.getQualifiedName().toString())) {
      return;
    }
    Optional<NetworkDecl> declaration =
        new NetworkReader(processingEnv.getElementUtils()).read(type);
    if (declaration.isEmpty()) {
      return;
    }
    NetworkChecker.Result result = new NetworkChecker().check(declaration.get());
    for (Problem problem : result.problems()) {
      reporter.report(problem, type);
    }
    if (result.network().isEmpty()) {
      return;
    }
    NetworkPlan plan = new Planner().plan(result.network().get());
    List<JavaFile> files = new NetworkEmitter().emit(plan, type);
    for (JavaFile file : files) {
      try {
        file.writeTo(processingEnv.getFiler());
      } catch (IOException e) {
        reporter.internalError(type, e);
      }
    }
  }
}
