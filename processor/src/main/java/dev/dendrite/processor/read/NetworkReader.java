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
import dev.dendrite.processor.model.MemberDecl;
import dev.dendrite.processor.model.MethodDecl;
import dev.dendrite.processor.model.NetworkDecl;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

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

  private static final String OBJECT = "java.lang.Object";

  private final Elements elements;
  private final Types types;

  public NetworkReader(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
  }

  /** Signals a value that javac has already reported as erroneous. */
  private static final class Unreadable extends Exception {
    private static final long serialVersionUID = 1L;

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

  /**
   * The name of a type that {@code type} depends on and that does not exist yet: a supertype, or
   * the type of a layer field. Another processor may generate it in a later round; until then the
   * class cannot be checked completely.
   */
  public Optional<String> missingType(TypeElement type) {
    Deque<TypeMirror> pending = new ArrayDeque<>();
    Set<String> seen = new HashSet<>();
    pending.add(type.getSuperclass());
    pending.addAll(type.getInterfaces());
    while (!pending.isEmpty()) {
      TypeMirror t = pending.poll();
      if (t.getKind() == TypeKind.ERROR) {
        return Optional.of(t.toString());
      }
      if (t instanceof DeclaredType declared
          && declared.asElement() instanceof TypeElement e
          && seen.add(e.getQualifiedName().toString())) {
        pending.add(e.getSuperclass());
        pending.addAll(e.getInterfaces());
      }
    }
    for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
      if (layerAnnotation(field) != null && field.asType().getKind() == TypeKind.ERROR) {
        return Optional.of(field.asType().toString());
      }
    }
    return Optional.empty();
  }

  /** The first layer annotation on {@code element}, or {@code null}. */
  public static AnnotationMirror layerAnnotation(Element element) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      if (LAYER_ANNOTATIONS.contains(annotationName(mirror))) {
        return mirror;
      }
    }
    return null;
  }

  /** Whether {@code element} carries {@code @Network}. */
  public static boolean isNetwork(Element element) {
    return find(element, Network.class.getCanonicalName()) != null;
  }

  /** A reference to {@code mirror} on {@code element} with its written values. */
  public static ElementRef ref(Element element, AnnotationMirror mirror) {
    Map<String, AnnotationValue> values = new HashMap<>();
    mirror.getElementValues().forEach((k, v) -> values.put(k.getSimpleName().toString(), v));
    return new ElementRef(element, mirror, Map.copyOf(values));
  }

  /** The simple name of the annotation type of {@code mirror}, e.g. {@code Dense}. */
  public static String simpleName(AnnotationMirror mirror) {
    return mirror.getAnnotationType().asElement().getSimpleName().toString();
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
        double l1 = (Double) value(mirror, "l1", Double.class);
        double l2 = (Double) value(mirror, "l2", Double.class);
        layers.add(new LayerSpec.DenseSpec(
            units, activation, alpha, source, preluMode, init, initScale, bias, l1, l2));
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

  private ClassDecl classDecl(TypeElement type) {
    Set<Modifier> modifiers = type.getModifiers();
    boolean nested = type.getEnclosingElement() instanceof TypeElement;
    List<TypeElement> nesting = new ArrayList<>();
    for (Element e = type; e instanceof TypeElement t; e = e.getEnclosingElement()) {
      nesting.add(0, t);
    }
    String privateType = null;
    StringBuilder path = new StringBuilder();
    for (TypeElement t : nesting) {
      path.append(path.length() == 0 ? "" : ".").append(t.getSimpleName());
      if (privateType == null && t.getModifiers().contains(Modifier.PRIVATE)) {
        privateType = path.toString();
      }
    }
    boolean usableConstructor = false;
    List<String> constructors = new ArrayList<>();
    for (ExecutableElement c : ElementFilter.constructorsIn(type.getEnclosedElements())) {
      boolean noArguments = c.getParameters().isEmpty()
          || (c.isVarArgs() && c.getParameters().size() == 1);
      boolean checked = c.getThrownTypes().stream().anyMatch(this::isChecked);
      // The implicit constructor of a private class is private too; DN103 covers that. Not every
      // compiler marks it as mandated (Eclipse's does not), so within a private class no
      // constructor is reported.
      boolean accessible = !c.getModifiers().contains(Modifier.PRIVATE)
          || privateType != null
          || elements.getOrigin(c) == Elements.Origin.MANDATED;
      usableConstructor |= noArguments && !checked && accessible;
      constructors.add(describe(type, c));
    }
    return new ClassDecl(
        packageName(type),
        type.getSimpleName().toString(),
        path.toString(),
        kind(type.getKind()),
        modifiers.contains(Modifier.FINAL),
        modifiers.contains(Modifier.SEALED),
        privateType,
        nested && type.getKind() == ElementKind.CLASS && !modifiers.contains(Modifier.STATIC),
        type.getTypeParameters().stream().map(p -> p.getSimpleName().toString()).toList(),
        usableConstructor,
        constructors,
        methods(type),
        members(type),
        ElementRef.of(type));
  }

  /**
   * The methods a subclass of {@code type} meets: each non-private inherited or declared method,
   * except that an abstract method counts only while nothing in {@code type} implements it.
   */
  private List<MethodDecl> methods(TypeElement type) {
    List<ExecutableElement> all = ElementFilter.methodsIn(elements.getAllMembers(type));
    List<MethodDecl> result = new ArrayList<>();
    for (ExecutableElement m : all) {
      TypeElement owner = (TypeElement) m.getEnclosingElement();
      boolean isAbstract = m.getModifiers().contains(Modifier.ABSTRACT);
      if (m.getModifiers().contains(Modifier.PRIVATE)
          || owner.getQualifiedName().contentEquals(OBJECT)
          || (isAbstract && implemented(m, all, type))) {
        continue;
      }
      List<String> parameters = new ArrayList<>();
      for (VariableElement p : m.getParameters()) {
        parameters.add(erasure(p.asType()));
      }
      boolean here = owner.equals(type);
      result.add(new MethodDecl(
          m.getSimpleName().toString(),
          parameters,
          erasure(m.getReturnType()),
          isAbstract,
          m.getModifiers().contains(Modifier.STATIC),
          m.getModifiers().contains(Modifier.FINAL),
          owner.getQualifiedName().toString(),
          here,
          ElementRef.of(here ? m : type)));
    }
    return result;
  }

  private boolean implemented(ExecutableElement method, List<ExecutableElement> all,
      TypeElement type) {
    for (ExecutableElement other : all) {
      if (other != method
          && !other.getModifiers().contains(Modifier.ABSTRACT)
          && other.getSimpleName().equals(method.getSimpleName())
          && elements.overrides(other, method, type)) {
        return true;
      }
    }
    return false;
  }

  /** The non-private fields and member types that a subclass of {@code type} inherits. */
  private List<MemberDecl> members(TypeElement type) {
    List<MemberDecl> result = new ArrayList<>();
    for (Element e : elements.getAllMembers(type)) {
      MemberDecl.Kind kind;
      if (e.getKind().isField()) {
        kind = MemberDecl.Kind.FIELD;
      } else if (e.getKind().isClass() || e.getKind().isInterface()) {
        kind = MemberDecl.Kind.TYPE;
      } else {
        continue;
      }
      if (e.getModifiers().contains(Modifier.PRIVATE)
          || !(e.getEnclosingElement() instanceof TypeElement owner)) {
        continue;
      }
      boolean here = owner.equals(type);
      result.add(new MemberDecl(kind, e.getSimpleName().toString(),
          owner.getQualifiedName().toString(), here, ElementRef.of(here ? e : type)));
    }
    return result;
  }

  private boolean isChecked(TypeMirror thrown) {
    if (thrown.getKind() != TypeKind.DECLARED) {
      return false;
    }
    for (String unchecked : List.of("java.lang.RuntimeException", "java.lang.Error")) {
      TypeElement e = elements.getTypeElement(unchecked);
      if (e != null && types.isSubtype(thrown, e.asType())) {
        return false;
      }
    }
    return true;
  }

  private String describe(TypeElement type, ExecutableElement constructor) {
    StringBuilder s = new StringBuilder();
    for (Modifier m : List.of(Modifier.PUBLIC, Modifier.PROTECTED, Modifier.PRIVATE)) {
      if (constructor.getModifiers().contains(m)) {
        s.append(m).append(' ');
      }
    }
    s.append(type.getSimpleName()).append(constructor.getParameters().stream()
        .map(p -> MethodDecl.simple(erasure(p.asType())) + " " + p.getSimpleName())
        .collect(Collectors.joining(", ", "(", ")")));
    if (!constructor.getThrownTypes().isEmpty()) {
      s.append(constructor.getThrownTypes().stream()
          .map(t -> MethodDecl.simple(erasure(t)))
          .collect(Collectors.joining(", ", " throws ", "")));
    }
    return s.toString();
  }

  /** The erasure of {@code type} as a name: qualified for declared types, e.g. {@code int[]}. */
  private String erasure(TypeMirror type) {
    if (type.getKind() == TypeKind.ERROR) {
      return type.toString();
    }
    TypeMirror erased = types.erasure(type);
    if (erased instanceof DeclaredType declared
        && declared.asElement() instanceof TypeElement e) {
      return e.getQualifiedName().toString();
    }
    if (erased.getKind() == TypeKind.ARRAY) {
      return erasure(((ArrayType) erased).getComponentType()) + "[]";
    }
    return erased.getKind().isPrimitive() || erased.getKind() == TypeKind.VOID
        ? erased.getKind().name().toLowerCase(Locale.ROOT)
        : erased.toString();
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

  /** The declared type's qualified name without type arguments or type annotations. */
  private String typeName(TypeMirror type) {
    if (type.getKind() == TypeKind.ERROR) {
      return null;
    }
    return erasure(type);
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
