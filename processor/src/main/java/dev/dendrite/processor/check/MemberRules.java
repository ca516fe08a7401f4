package dev.dendrite.processor.check;

import dev.dendrite.processor.model.ClassDecl;
import dev.dendrite.processor.model.MemberDecl;
import dev.dendrite.processor.model.MethodDecl;
import dev.dendrite.processor.model.NetworkDecl;
import java.util.List;

/**
 * Rules on the members of the annotated class that the generated subclass would meet: abstract
 * methods it does not implement (DN109), methods it declares too (DN110), and inherited names that
 * would hide the types its source refers to (DN112).
 */
final class MemberRules implements Rule {

  @Override
  public void check(NetworkDecl network, Problems problems) {
    ClassDecl type = network.type();
    if (type.kind() != ClassDecl.Kind.CLASS) {
      return;
    }
    List<GeneratedMembers.Method> generated = GeneratedMembers.methods(network.fields(), network.loss());
    for (MethodDecl method : type.methods()) {
      GeneratedMembers.Method same = generated.stream()
          .filter(g -> g.name().equals(method.name())
              && g.parameterTypes().equals(method.parameterTypes()))
          .findFirst()
          .orElse(null);
      if (same == null) {
        if (method.isAbstract()) {
          unimplemented(type, method, problems);
        }
      } else if (same.implementsModel()) {
        modelMethod(type, method, same, problems);
      } else {
        kernelMethod(type, method, same, problems);
      }
    }
    for (MemberDecl member : type.members()) {
      hiddenName(type, member, problems);
    }
  }

  /** {@code 'Mlp' declares} or {@code 'Mlp' inherits ... from 'app.Base'}. */
  private static String owner(ClassDecl type, MethodDecl method, String what) {
    return method.declaredHere()
        ? "class '" + type.nestingPath() + "' declares " + what
        : "class '" + type.nestingPath() + "' inherits " + what + " from '"
            + method.declaringType() + "'";
  }

  private static void unimplemented(ClassDecl type, MethodDecl method, Problems problems) {
    String where = method.declaredHere() ? "'" + type.simpleName() + "'" : "'" + type.simpleName()
        + "' (or make '" + MethodDecl.simple(method.declaringType()) + "' implement it)";
    problems.add(RuleId.DN109, method.source(), null,
        owner(type, method, "the abstract method '" + method.signature() + "'") + ", which the"
            + " generated '" + type.generatedName() + "' does not implement: it implements only"
            + " the methods of " + GeneratedMembers.MODEL + "; give the method a body in "
            + where + ", or remove it");
  }

  private static void modelMethod(
      ClassDecl type, MethodDecl method, GeneratedMembers.Method same, Problems problems) {
    if (!method.declaredHere() && method.declaringType().equals(GeneratedMembers.MODEL)) {
      return; // Model's own default, which the generated network overrides
    }
    boolean compatible = method.returnType().equals(same.returnType())
        || method.returnType().equals("java.lang.Object");
    if (method.isAbstract() && !method.isStatic() && compatible) {
      return;
    }
    String signature = "'" + method.signature() + "'";
    String problem;
    if (method.isAbstract()) {
      problem = owner(type, method, "the abstract method " + signature + " returning "
          + MethodDecl.simple(method.returnType())) + ", but the generated '"
          + type.generatedName() + "' implements " + signature + " of " + GeneratedMembers.MODEL
          + " returning " + MethodDecl.simple(same.returnType()) + "; remove it, or declare it as"
          + " 'public abstract " + MethodDecl.simple(same.returnType()) + " "
          + method.signature() + "'";
    } else {
      String kind = method.isStatic() ? "the static method " : method.isFinal()
          ? "the final method " : "the method ";
      problem = owner(type, method, kind + signature) + ", but the generated '"
          + type.generatedName() + "' implements " + signature + " of " + GeneratedMembers.MODEL
          + " and would " + (method.isStatic() || method.isFinal() ? "clash with" : "replace")
          + " it; rename or remove the method";
    }
    problems.add(RuleId.DN110, method.source(), null, problem);
  }

  private static void kernelMethod(
      ClassDecl type, MethodDecl method, GeneratedMembers.Method same, Problems problems) {
    String purpose = same.layer() != null ? "for layer '" + same.layer() + "'"
        : switch (same.name()) {
          case "ensureCapacity" -> "for its buffers";
          case "splits", "workers" -> "for its threads";
          default -> "for its passes";
        };
    problems.add(RuleId.DN110, method.source(), null,
        owner(type, method, "the method '" + method.signature() + "'") + ", but the generated '"
            + type.generatedName() + "' declares a private method '" + same.name() + "("
            + String.join(", ", same.parameterTypes()) + ")' " + purpose + ", which cannot"
            + " override it; rename the method, or make it private");
  }

  private static void hiddenName(ClassDecl type, MemberDecl member, Problems problems) {
    String qualified = GeneratedMembers.TYPE_NAMES.get(member.name());
    if (qualified == null) {
      return;
    }
    String subject = member.kind() == MemberDecl.Kind.TYPE ? "member type" : "field";
    if (member.kind() == MemberDecl.Kind.FIELD
        && !GeneratedMembers.QUALIFIER_NAMES.contains(member.name())) {
      return;
    }
    String who = member.declaredHere()
        ? "class '" + type.nestingPath() + "' declares the " + subject + " '" + member.name() + "'"
        : "class '" + type.nestingPath() + "' inherits the " + subject + " '" + member.name()
            + "' from '" + member.declaringType() + "'";
    String why = member.kind() == MemberDecl.Kind.TYPE
        ? "inside a subclass an inherited member type comes before an imported one"
        : "in an expression such as '" + member.name() + ".x(..)' a field name comes before a"
            + " type name";
    problems.add(RuleId.DN112, member.source(), null,
        who + ", so in the generated '" + type.generatedName() + "' the name '" + member.name()
            + "' would not mean " + qualified + " (" + why + ") and the generated code would not"
            + " compile; rename the " + subject);
  }
}
