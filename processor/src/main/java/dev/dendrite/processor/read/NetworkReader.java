package dev.dendrite.processor.read;

import dev.dendrite.annotation.Activation;
import dev.dendrite.annotation.BatchNorm;
import dev.dendrite.annotation.Dense;
import dev.dendrite.annotation.Dropout;
import dev.dendrite.annotation.Flatten;
import dev.dendrite.annotation.Init;
import dev.dendrite.annotation.Input;
import dev.dendrite.annotation.Loss;
import dev.dendrite.annotation.Network;
import dev.dendrite.annotation.PreluMode;
import dev.dendrite.processor.model.ClassDecl;
import dev.dendrite.processor.model.FieldDecl;
import dev.dendrite.processor.model.LayerSpec;
import dev.dendrite.processor.model.NetworkDecl;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Reads a type annotated with {@code @Network}. Values javac could not resolve (a misspelt enum
 * constant, a value of the wrong type) are already compiler errors; the reader then returns empty
 * rather than add a second message.
 */
public final class NetworkReader {

  /** The qualified names of the layer annotations, which mark a field as a layer. */
  public static final Set<String> LAYER_ANNOTATIONS = Set.of(
      Input.class.getCanonicalName(),
      Dense.class.getCanonicalName(),
      Dropout.class.getCanonicalName(),
      BatchNorm.class.getCanonicalName(),
      Flatten.class.getCanonicalName());

  private final Elements elements;

  public NetworkReader(Elements elements) {
    this.elements = elements;
  }

  /** Signals a value that javac has already reported as erroneous. */
  private static final class Unreadable extends Exception {
    Unreadable() {
      super(null, null, false, false);
    }
  }

  /** Reads {@code type}, or returns empty if javac already reported an error in its annotations. */
  public Optional<NetworkDecl> read(TypeElement type) {
    try {
      AnnotationMirror network = find(type, Network.class.getCanonicalName());
      if (network == null) {
        return Optional.empty();
      }
      Loss loss = enumValue(network, "loss", Loss.class);
      boolean doublePrecision = (Boolean) value(network, "doublePrecision", Boolean.class);
      List<FieldDecl> fields = new ArrayList<>();
      for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
        List<LayerSpec> layers = readLayers(field);
        if (!layers.isEmpty()) {
          fields.add(new FieldDecl(
              field.getSimpleName().toString(),
              typeName(field.asType()),
              field.getModifiers().contains(Modifier.STATIC),
              field.getModifiers().contains(Modifier.FINAL),
              field.getModifiers().contains(Modifier.PRIVATE),
              layers,
              ElementRef.of(field)));
        }
      }
      return Optional.of(new NetworkDecl(
          classDecl(type), loss, doublePrecision, fields, ref(type, network)));
    } catch (Unreadable e) {
      return Optional.empty();
    }
  }

  private List<LayerSpec> readLayers(VariableElement field) throws Unreadable {
    List<LayerSpec> layers = new ArrayList<>();
    for (AnnotationMirror mirror : field.getAnnotationMirrors()) {
      String name = annotationName(mirror);
      ElementRef source = ref(field, mirror);
      if (name.equals(Input.class.getCanonicalName())) {
        layers.add(new LayerSpec.InputSpec(intArray(mirror, "value"), source));
      } else if (name.equals(Dense.class.getCanonicalName())) {
        int units = (Integer) value(mirror, "units", Integer.class);
        Activation activation = enumValue(mirror, "activation", Activation.class);
        double alpha = writtenDouble(mirror, source, "alpha");
        PreluMode preluMode = source.value("preluMode") == null
            ? null
            : enumValue(mirror, "preluMode", PreluMode.class);
        Init init = enumValue(mirror, "init", Init.class);
        double initScale = writtenDouble(mirror, source, "initScale");
        boolean bias = (Boolean) value(mirror, "bias", Boolean.class);
        layers.add(new LayerSpec.DenseSpec(
            units, activation, alpha, source, preluMode, init, initScale, bias));
      } else if (name.equals(Dropout.class.getCanonicalName())) {
        layers.add(new LayerSpec.DropoutSpec((Double) value(mirror, "value", Double.class),
            source));
      } else if (name.equals(BatchNorm.class.getCanonicalName())) {
        layers.add(new LayerSpec.BatchNormSpec(
            (Double) value(mirror, "momentum", Double.class),
            (Double) value(mirror, "epsilon", Double.class),
            enumValue(mirror, "activation", Activation.class),
            writtenDouble(mirror, source, "alpha"),
            source));
      } else if (name.equals(Flatten.class.getCanonicalName())) {
        layers.add(new LayerSpec.FlattenSpec(source));
      }
    }
    return layers;
  }

  private static ClassDecl classDecl(TypeElement type) {
    Set<Modifier> modifiers = type.getModifiers();
    boolean nested = type.getEnclosingElement() instanceof TypeElement;
    boolean isPrivate = false;
    StringBuilder path = new StringBuilder(type.getSimpleName());
    for (Element e = type; e instanceof TypeElement t; e = e.getEnclosingElement()) {
      isPrivate |= t.getModifiers().contains(Modifier.PRIVATE);
      if (t != type) {
        path.insert(0, t.getSimpleName() + ".");
      }
    }
    boolean usableConstructor = false;
    for (ExecutableElement c : ElementFilter.constructorsIn(type.getEnclosedElements())) {
      usableConstructor |= c.getParameters().isEmpty()
          && !c.getModifiers().contains(Modifier.PRIVATE);
    }
    return new ClassDecl(
        packageName(type),
        type.getSimpleName().toString(),
        path.toString(),
        kind(type.getKind()),
        modifiers.contains(Modifier.FINAL),
        isPrivate,
        nested && type.getKind() == ElementKind.CLASS && !modifiers.contains(Modifier.STATIC),
        !type.getTypeParameters().isEmpty(),
        usableConstructor,
        ElementRef.of(type));
  }

  private static ClassDecl.Kind kind(ElementKind kind) {
    return switch (kind.name()) {
      case "INTERFACE" -> ClassDecl.Kind.INTERFACE;
      case "ENUM" -> ClassDecl.Kind.ENUM;
      case "RECORD" -> ClassDecl.Kind.RECORD;
      case "ANNOTATION_TYPE" -> ClassDecl.Kind.ANNOTATION_TYPE;
      default -> ClassDecl.Kind.CLASS;
    };
  }

  private static String packageName(Element type) {
    Element e = type;
    while (!(e instanceof PackageElement)) {
      e = e.getEnclosingElement();
    }
    return ((PackageElement) e).getQualifiedName().toString();
  }

  private static String typeName(TypeMirror type) {
    if (type.getKind() == TypeKind.ERROR) {
      return null;
    }
    return type.toString();
  }

  private static AnnotationMirror find(Element element, String annotation) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      if (annotationName(mirror).equals(annotation)) {
        return mirror;
      }
    }
    return null;
  }

  private static String annotationName(AnnotationMirror mirror) {
    return ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
  }

  private static ElementRef ref(Element element, AnnotationMirror mirror) {
    Map<String, AnnotationValue> values = new HashMap<>();
    mirror.getElementValues().forEach((k, v) -> values.put(k.getSimpleName().toString(), v));
    return new ElementRef(element, mirror, Map.copyOf(values));
  }

  private Object value(AnnotationMirror mirror, String attribute, Class<?> expected)
      throws Unreadable {
    for (var entry : elements.getElementValuesWithDefaults(mirror).entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals(attribute)) {
        Object value = entry.getValue().getValue();
        if (expected.isInstance(value)) {
          return value;
        }
        throw new Unreadable();
      }
    }
    throw new Unreadable();
  }

  /** The value of a double {@code attribute} if written, {@code NaN} if left at its default. */
  private double writtenDouble(AnnotationMirror mirror, ElementRef source, String attribute)
      throws Unreadable {
    return source.value(attribute) == null
        ? Double.NaN
        : (Double) value(mirror, attribute, Double.class);
  }

  private <E extends Enum<E>> E enumValue(AnnotationMirror mirror, String attribute, Class<E> type)
      throws Unreadable {
    Object value = value(mirror, attribute, VariableElement.class);
    String constant = ((VariableElement) value).getSimpleName().toString();
    try {
      return Enum.valueOf(type, constant);
    } catch (IllegalArgumentException e) {
      throw new Unreadable();
    }
  }

  private int[] intArray(AnnotationMirror mirror, String attribute) throws Unreadable {
    Object value = value(mirror, attribute, Object.class);
    if (value instanceof Integer single) {
      return new int[] {single};
    }
    if (!(value instanceof List<?> list)) {
      throw new Unreadable();
    }
    int[] result = new int[list.size()];
    for (int i = 0; i < result.length; i++) {
      if (!(list.get(i) instanceof AnnotationValue v) || !(v.getValue() instanceof Integer d)) {
        throw new Unreadable();
      }
      result[i] = d;
    }
    return result;
  }
}
