/**
 * The check phase: rules over a {@link dev.dendrite.processor.model.NetworkDecl} that either
 * produce a {@link dev.dendrite.processor.model.CheckedNetwork} or a list of
 * {@link dev.dendrite.processor.check.Problem}s, each tied to the element, annotation and
 * attribute at fault. Every rule runs, so a class shows all of its problems in one compilation.
 *
 * <p>Each diagnostic has a stable id from {@link dev.dendrite.processor.check.RuleId}; the rules
 * are grouped by what they look at: {@code ClassRules} (DN101 to DN108), {@code MemberRules}
 * (DN109, DN110, DN112), {@code FieldRules} (DN201 to DN205, DN208), {@code NameRules} (DN207),
 * {@code InputRules} (DN301 to DN305), {@code ShapeRules} (DN306, DN407), {@code LayerRules}
 * (DN401 to DN405), {@code PenaltyRules} (DN408), {@code OutputRules} (DN501 to DN506),
 * {@code BatchNormRules} (DN601 to DN608), {@code FlattenRules} (DN610) and
 * {@code DenseOptionRules} (DN611 to DN614). DN111 and DN206 need the whole compilation and are
 * checked by the processor itself. What the generated
 * class declares, which the member rules compare the user's class with, is in
 * {@link dev.dendrite.processor.check.GeneratedMembers}. docs/diagnostics.md shows every rule with
 * an example and its message.
 */
package dev.dendrite.processor.check;
