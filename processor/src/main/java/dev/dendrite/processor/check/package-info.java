/**
 * The check phase: rules over a {@link dev.dendrite.processor.model.NetworkDecl} that either
 * produce a {@link dev.dendrite.processor.model.CheckedNetwork} or a list of
 * {@link dev.dendrite.processor.check.Problem}s, each tied to the element, annotation and
 * attribute at fault. Every rule runs, so a class shows all of its problems in one compilation.
 */
package dev.dendrite.processor.check;
