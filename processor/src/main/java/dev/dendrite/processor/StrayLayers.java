package dev.dendrite.processor;

import dev.dendrite.processor.check.Problem;
import dev.dendrite.processor.check.RuleId;
import dev.dendrite.processor.read.NetworkReader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Finds layer annotations in types without {@code @Network}, most likely a forgotten
 * {@code @Network}: nothing would be generated from them (DN206, an error). One error per type, on
 * its first layer annotation.
 */
final class StrayLayers {

  private final Elements elements;
  private final Reporter reporter;

  StrayLayers(Elements elements, Reporter reporter) {
    this.elements = elements;
    this.reporter = reporter;
  }

  void check(RoundEnvironment round) {
    Set<TypeElement> owners = new LinkedHashSet<>();
    for (String annotation : NetworkReader.LAYER_ANNOTATIONS) {
      TypeElement type = elements.getTypeElement(annotation);
      if (type == null) {
        continue;
      }
      for (Element field : round.getElementsAnnotatedWith(type)) {
        if (field.getEnclosingElement() instanceof TypeElement owner
            && !NetworkReader.isNetwork(owner)) {
          owners.add(owner);
        }
      }
    }
    for (TypeElement owner : owners) {
      try {
        report(owner);
      } catch (RuntimeException | Error failure) {
        reporter.internalError(owner, failure);
      }
    }
  }

  private void report(TypeElement owner) {
    List<VariableElement> fields = new ArrayList<>();
    for (VariableElement field : ElementFilter.fieldsIn(owner.getEnclosedElements())) {
      if (NetworkReader.layerAnnotation(field) != null) {
        fields.add(field);
      }
    }
    if (fields.isEmpty()) {
      return;
    }
    VariableElement first = fields.get(0);
    AnnotationMirror mirror = NetworkReader.layerAnnotation(first);
    String kind = owner.getKind().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    String name = owner.getSimpleName().toString();
    String listed = fields.stream()
        .map(f -> "'" + f.getSimpleName() + "'")
        .collect(Collectors.joining(", "));
    reporter.report(new Problem(RuleId.DN206,
        kind + " '" + name + "' has layer " + (fields.size() == 1 ? "field " : "fields ") + listed
            + " but no @Network, so no network is generated from it; annotate '" + name
            + "' with @Network(loss = ...), or remove the layer annotations",
        NetworkReader.ref(first, mirror), null), owner);
  }
}
