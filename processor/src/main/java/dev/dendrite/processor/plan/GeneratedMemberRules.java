package dev.dendrite.processor.plan;

import dev.dendrite.processor.check.MemberRules;
import dev.dendrite.processor.check.Problem;
import dev.dendrite.processor.check.Problems;
import dev.dendrite.processor.check.RuleId;
import dev.dendrite.processor.model.ClassDecl;
import dev.dendrite.processor.model.FieldDecl;
import dev.dendrite.processor.model.MethodDecl;
import dev.dendrite.processor.model.ModelMethods;
import dev.dendrite.processor.model.NetworkDecl;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rules on the members of the annotated class that the planned subclass would meet, checked
 * against the plan's own lists of what it declares ({@link NetworkPlan#methods()}, {@link
 * NetworkPlan#fields()}): defaults of {@code Model} that only some networks implement (DN109,
 * DN110), its private methods (DN110), and two layers that need the same field (DN207). They run
 * once the declaration has passed every rule of the check phase, since only a checked network is
 * planned.
 */
public final class GeneratedMemberRules {

  private GeneratedMemberRules() {}

  /**
   * The problems of {@code declaration} against {@code plan}; none with an error if the class can
   * be generated.
   */
  public static List<Problem> check(NetworkDecl declaration, NetworkPlan plan) {
    Problems problems = new Problems();
    fieldNames(declaration, plan, problems);
    ClassDecl type = declaration.type();
    if (type.kind() != ClassDecl.Kind.CLASS) {
      return problems.all();
    }
    List<GeneratedMethod> generated = plan.methods();
    for (MethodDecl method : type.methods()) {
      GeneratedMethod same = generated.stream()
          .filter(g -> g.matches(method))
          .findFirst()
          .orElse(null);
      Optional<ModelMethods.Signature> model = ModelMethods.of(method);
      if (model.isEmpty()) {
        if (same != null) {
          kernelMethod(type, method, same, problems);
        }
      } else if (!method.isStatic() && !ModelMethods.ABSTRACT.contains(model.get().name())
          && ModelMethods.mayImplement(model.get())) {
        // the check phase judged the rest: static methods, abstract methods of Model, and
        // defaults no generated network implements
        if (same != null) {
          MemberRules.modelMethod(type, method, same.returnType(), problems);
        } else if (method.isAbstract()) {
          problems.add(RuleId.DN109, method.source(), null,
              MemberRules.unimplemented(type, method));
        }
      }
    }
    return problems.all();
  }

  /**
   * Two layers must not need the same field (DN207): layers {@code a} and {@code aWeight} would,
   * since {@code aWeightGrad} is also the output gradient of {@code aWeight}.
   */
  private static void fieldNames(NetworkDecl declaration, NetworkPlan plan, Problems problems) {
    Map<String, GeneratedField> taken = new HashMap<>();
    Map<String, FieldDecl> byName = new HashMap<>();
    for (FieldDecl field : declaration.fields()) {
      byName.put(field.name(), field);
    }
    for (GeneratedField member : plan.fields()) {
      GeneratedField first = taken.putIfAbsent(member.name(), member);
      if (first == null || member.layer() == null || member.layer().equals(first.layer())) {
        continue;
      }
      problems.add(RuleId.DN207, byName.get(member.layer()).source(), null,
          "layer '" + member.layer() + "' needs the field '" + member.name() + "' in the"
              + " generated '" + declaration.type().generatedName() + "' for "
              + member.purpose() + ", but that name is already taken by " + first.purpose()
              + "; rename '" + member.layer() + "'");
    }
  }

  private static String owner(ClassDecl type, MethodDecl method, String what) {
    return MemberRules.owner(type, method, what);
  }


  private static void kernelMethod(
      ClassDecl type, MethodDecl method, GeneratedMethod same, Problems problems) {
    problems.add(RuleId.DN110, method.source(), null,
        owner(type, method, "the method '" + method.signature() + "'") + ", but the generated '"
            + type.generatedName() + "' declares a private method '" + same.signature() + "' "
            + same.purpose() + ", which cannot override it; rename the method, or make it"
            + " private");
  }

}
