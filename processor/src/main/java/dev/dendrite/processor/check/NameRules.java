package dev.dendrite.processor.check;

import dev.dendrite.processor.model.FieldDecl;
import dev.dendrite.processor.model.NetworkDecl;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The generated network names its fields after the layers, e.g. {@code aWeightGrad} for the
 * weight gradient of layer {@code a}; two layers must not need the same name (DN207). Layers
 * {@code a} and {@code aWeight} would: {@code aWeightGrad} is also the output gradient of
 * {@code aWeight}.
 */
final class NameRules implements Rule {

  @Override
  public void check(NetworkDecl network, Problems problems) {
    List<FieldDecl> fields = network.fields();
    Map<String, GeneratedMembers.Field> taken = new HashMap<>();
    Map<String, FieldDecl> byName = new HashMap<>();
    for (FieldDecl field : fields) {
      byName.put(field.name(), field);
    }
    for (GeneratedMembers.Field member : GeneratedMembers.fields(fields, network.loss())) {
      GeneratedMembers.Field first = taken.putIfAbsent(member.name(), member);
      if (first == null || member.layer() == null || member.layer().equals(first.layer())) {
        continue;
      }
      problems.add(RuleId.DN207, byName.get(member.layer()).source(), null,
          "layer '" + member.layer() + "' needs the field '" + member.name() + "' in the"
              + " generated '" + network.type().generatedName() + "' for " + member.purpose()
              + ", but that name is already taken by " + first.purpose() + "; rename '"
              + member.layer() + "'");
    }
  }
}
