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
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
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

  /** The annotation the generated classes carry. */
  private static final String GENERATED = "javax.annotation.processing.Generated";

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    Set<String> types = new HashSet<>(NetworkReader.LAYER_ANNOTATIONS);
    types.add(Network.class.getCanonicalName());
    types.add(GENERATED);
    return types;
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  /**
   * Handles the round, and claims the annotations it was offered: the Dendrite annotations and
   * the {@code @Generated} of the classes generated here, so that javac's {@code
   * -Xlint:processing} finds nothing unclaimed. Claimed annotations are not offered to the
   * processors after this one; any other annotation of the round still is, and with it the round.
   * Nothing is claimed in a round where {@code @Generated} also marks a class that something
   * else generated, so that processors after this one still see that {@code @Generated}; nor in
   * a round where a class waits for a type, so that the processors after this one, which may be
   * the ones to generate that type, are offered the round even if it has no other annotation.
   */
  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    Reporter reporter = new Reporter(processingEnv.getMessager());
    try {
      processRound(round, reporter);
      return deferred.isEmpty() && onlyOwnGenerated(annotations, round);
    } catch (RuntimeException | Error failure) {
      reporter.internalError(null, failure);
      return false;
    }
  }

  /**
   * Whether every element of the round annotated with {@code @Generated}, if that annotation was
   * offered, names this processor as its generator.
   */
  private static boolean onlyOwnGenerated(
      Set<? extends TypeElement> annotations, RoundEnvironment round) {
    for (TypeElement annotation : annotations) {
      if (!annotation.getQualifiedName().contentEquals(GENERATED)) {
        continue;
      }
      for (Element element : round.getElementsAnnotatedWith(annotation)) {
        if (!generatedHere(element, annotation)) {
          return false;
        }
      }
    }
    return true;
  }

  /** Whether the {@code @Generated} of {@code element} lists this processor in its value. */
  private static boolean generatedHere(Element element, TypeElement generated) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      if (!mirror.getAnnotationType().asElement().equals(generated)) {
        continue;
      }
      for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
          : mirror.getElementValues().entrySet()) {
        if (entry.getKey().getSimpleName().contentEquals("value")
            && entry.getValue().getValue() instanceof List<?> values) {
          for (Object value : values) {
            if (value instanceof AnnotationValue name
                && DendriteProcessor.class.getName().equals(name.getValue())) {
              return true;
            }
          }
        }
      }
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
