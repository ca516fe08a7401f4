package dev.dendrite.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.JavaFile;
import dev.dendrite.annotation.Network;
import dev.dendrite.processor.check.NetworkChecker;
import dev.dendrite.processor.check.Problem;
import dev.dendrite.processor.emit.NetworkEmitter;
import dev.dendrite.processor.model.NetworkDecl;
import dev.dendrite.processor.plan.GeneratedMemberRules;
import dev.dendrite.processor.plan.NetworkPlan;
import dev.dendrite.processor.plan.Planner;
import dev.dendrite.processor.read.NetworkReader;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
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
 *
 * <p>Across rounds: a class is handled once, in the first round in which all the types it
 * depends on exist. A class whose supertype (or layer field type) another processor has yet to
 * generate waits for a later round; in the last round it is checked but not generated, since
 * javac then reports the missing type. Each generated file names the annotated class as its one
 * originating element, which makes the processor isolating for incremental builds.
 */
@AutoService(Processor.class)
public final class DendriteProcessor extends AbstractProcessor {

  /** The qualified names of the classes handled so far; none is generated twice. */
  private final Set<String> done = new HashSet<>();

  /** The qualified names of the classes waiting for a type from a later round. */
  private final Set<String> deferred = new LinkedHashSet<>();

  private final GeneratedNames names = new GeneratedNames();

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

  /**
   * Handles the round. The Dendrite annotations are not claimed: javac stops offering a round to
   * further processors, even those that support {@code "*"}, once every annotation present is
   * claimed.
   */
  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    Reporter reporter = new Reporter(processingEnv.getMessager());
    try {
      processRound(round, reporter);
    } catch (RuntimeException | Error failure) {
      reporter.internalError(null, failure);
    }
    return false;
  }

  private void processRound(RoundEnvironment round, Reporter reporter) {
    List<TypeElement> todo = new ArrayList<>();
    for (String name : deferred) {
      TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
      if (type != null) {
        todo.add(type);
      }
    }
    deferred.clear();
    for (Element element : round.getElementsAnnotatedWith(Network.class)) {
      if (element instanceof TypeElement type) {
        todo.add(type);
      }
    }
    for (TypeElement type : todo) {
      try {
        handle(type, reporter, round.processingOver());
      } catch (RuntimeException | Error failure) {
        reporter.internalError(type, failure);
      }
    }
    new StrayLayers(processingEnv.getElementUtils(), reporter).check(round);
  }

  private void handle(TypeElement type, Reporter reporter, boolean lastRound) {
    String qualified = type.getQualifiedName().toString();
    if (done.contains(qualified)) {
      return;
    }
    NetworkReader reader =
        new NetworkReader(processingEnv.getElementUtils(), processingEnv.getTypeUtils());
    if (!lastRound && reader.missingType(type).isPresent()) {
      deferred.add(qualified);
      return;
    }
    done.add(qualified);
    Optional<NetworkDecl> declaration = reader.read(type);
    if (declaration.isEmpty()) {
      return;
    }
    NetworkChecker.Result result = new NetworkChecker().check(declaration.get());
    for (Problem problem : result.problems()) {
      reporter.report(problem, type);
    }
    if (result.network().isEmpty() || lastRound) {
      return;
    }
    NetworkPlan plan = new Planner().plan(result.network().get());
    List<Problem> members = GeneratedMemberRules.check(declaration.get(), plan);
    for (Problem problem : members) {
      reporter.report(problem, type);
    }
    if (members.stream().anyMatch(p -> p.severity() == Problem.Severity.ERROR)) {
      return;
    }
    List<JavaFile> files = new NetworkEmitter().emit(plan, type);
    List<Problem> clashes = names.claim(files, type, processingEnv.getElementUtils());
    for (Problem problem : clashes) {
      reporter.report(problem, type);
    }
    if (!clashes.isEmpty()) {
      return;
    }
    for (JavaFile file : files) {
      String name = file.packageName().isEmpty()
          ? file.typeSpec().name()
          : file.packageName() + "." + file.typeSpec().name();
      try (Writer out = processingEnv.getFiler()
          .createSourceFile(name, file.typeSpec().originatingElements().toArray(Element[]::new))
          .openWriter()) {
        out.write(NetworkEmitter.text(file));
      } catch (IOException e) {
        reporter.internalError(type, e);
      }
    }
  }
}
