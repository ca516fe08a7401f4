/**
 * The check phase: rules over a {@link dev.dendrite.processor.model.NetworkDecl} that either
 * produce a {@link dev.dendrite.processor.model.CheckedNetwork} or a list of
 * {@link dev.dendrite.processor.check.Problem}s, each tied to the element, annotation and
 * attribute at fault. Every rule runs, so a class shows all of its problems in one compilation.
 * The rules judge what the user wrote; they know nothing of what the emitter will write.
 *
 * <p>Each diagnostic has a stable id from {@link dev.dendrite.processor.check.RuleId}; the rules
 * are grouped by what they look at: {@code ClassRules} (DN101 to DN108), {@code MemberRules}
 * (DN109, DN110 and DN112 as far as they need no plan), {@code FieldRules} (DN201 to DN205,
 * DN208), {@code InputRules} (DN301 to DN305), {@code ShapeRules} (DN306, DN407), {@code
 * LayerRules} (DN401 to DN405), {@code PenaltyRules} (DN408), {@code OutputRules} (DN501 to
 * DN506), {@code BatchNormRules} (DN601 to DN608), {@code FlattenRules} (DN610) and {@code
 * DenseOptionRules} (DN611 to DN614). DN111 and DN206 need the whole compilation and are checked
 * by the processor itself; the rules on the members the plan generates (DN109 and DN110 for some
 * of them, DN207) run after planning, in {@code dev.dendrite.processor.plan.GeneratedMemberRules}.
 * docs/diagnostics.md shows every rule with an example and its message.
 */
package dev.dendrite.processor.check;
