package dev.dendrite.processor.check;

import dev.dendrite.processor.model.ClassDecl;
import dev.dendrite.processor.model.GeneratedTypes;
import dev.dendrite.processor.model.MemberDecl;
import dev.dendrite.processor.model.MethodDecl;
import dev.dendrite.processor.model.ModelMethods;
import dev.dendrite.processor.model.NetworkDecl;
import java.util.Optional;

/**
 * Rules on the members of the annotated class that the generated subclass would meet, as far as
 * they need no plan: abstract methods it cannot implement (DN109), methods of {@code
 * dev.dendrite.Model} that every implementation declares (DN110), and inherited names that would
 * hide the types its source refers to (DN112). Those that depend on what the plan generates run
 * after planning, in {@code dev.dendrite.processor.plan.GeneratedMemberRules}, and share the
 * wording here.
 */
public final class MemberRules implements Rule {

  @Override
  public void check(NetworkDecl network, Problems problems) {
    ClassDecl type = network.type();
    if (type.kind() != ClassDecl.Kind.CLASS) {
      return;
    }
    for (MethodDecl method : type.methods()) {
      Optional<ModelMethods.Signature> model = ModelMethods.of(method);
      if (model.isEmpty() || (!ModelMethods.mayImplement(model.get()) && !method.isStatic())) {
        if (method.isAbstract()) {
          problems.add(RuleId.DN109, method.source(), null, unimplemented(type, method));
        }
      } else if (method.isStatic() || ModelMethods.ABSTRACT.contains(model.get().name())) {
        modelMethod(type, method, model.get().returnType(), problems);
      }
    }
    for (MemberDecl member : type.members()) {
      hiddenName(type, member, problems);
    }
  }

  /** {@code 'Mlp' declares} or {@code 'Mlp' inherits ... from 'app.Base'}. */
  public static String owner(ClassDecl type, MethodDecl method, String what) {
    return method.declaredHere()
        ? "class '" + type.nestingPath() + "' declares " + what
        : "class '" + type.nestingPath() + "' inherits " + what + " from '"
            + method.declaringType() + "'";
  }

  /** The message of DN109 for {@code method}. */
  public static String unimplemented(ClassDecl type, MethodDecl method) {
    String where = method.declaredHere() ? "'" + type.simpleName() + "'" : "'" + type.simpleName()
        + "' (or make '" + MethodDecl.simple(method.declaringType()) + "' implement it)";
    return owner(type, method, "the abstract method '" + method.signature() + "'") + ", which the"
        + " generated '" + type.generatedName() + "' does not implement: it implements only"
        + " the methods of " + ModelMethods.MODEL + "; give the method a body in " + where
        + ", or remove it";
  }

  /**
   * DN110 for {@code method}, which has the signature of a method of {@code Model} that the
   * generated network implements, returning {@code generatedReturn}; nothing if it may stand.
   */
  public static void modelMethod(
      ClassDecl type, MethodDecl method, String generatedReturn, Problems problems) {
    if (!method.declaredHere() && method.declaringType().equals(ModelMethods.MODEL)) {
      return; // Model's own default, which the generated network overrides
    }
    boolean compatible = method.returnType().equals(generatedReturn)
        || method.returnType().equals("java.lang.Object");
    if (method.isAbstract() && !method.isStatic() && compatible) {
      return;
    }
    String signature = "'" + method.signature() + "'";
    String problem;
    if (method.isAbstract()) {
      problem = owner(type, method, "the abstract method " + signature + " returning "
          + MethodDecl.simple(method.returnType())) + ", but the generated '"
          + type.generatedName() + "' implements " + signature + " of " + ModelMethods.MODEL
          + " returning " + MethodDecl.simple(generatedReturn) + "; remove it, or declare it as"
          + " 'public abstract " + MethodDecl.simple(generatedReturn) + " "
          + method.signature() + "'";
    } else {
      String kind = method.isStatic() ? "the static method " : method.isFinal()
          ? "the final method " : "the method ";
      problem = owner(type, method, kind + signature) + ", but the generated '"
          + type.generatedName() + "' implements " + signature + " of " + ModelMethods.MODEL
          + " and would " + (method.isStatic() || method.isFinal() ? "clash with" : "replace")
          + " it; rename or remove the method";
    }
    problems.add(RuleId.DN110, method.source(), null, problem);
  }

  private static void hiddenName(ClassDecl type, MemberDecl member, Problems problems) {
    String qualified = GeneratedTypes.TYPE_NAMES.get(member.name());
    if (qualified == null) {
      return;
    }
    String subject = member.kind() == MemberDecl.Kind.TYPE ? "member type" : "field";
    if (member.kind() == MemberDecl.Kind.FIELD
        && !GeneratedTypes.QUALIFIER_NAMES.contains(member.name())) {
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
