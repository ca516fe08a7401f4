/**
 * The Dendrite annotation processor. {@link dev.dendrite.processor.DendriteProcessor} runs four
 * phases per {@code @Network} class, each in its own package: {@code read} (elements to a plain
 * model), {@code check} (rules and shapes), {@code plan} (how each kernel is written) and
 * {@code emit} (JavaPoet).
 */
package dev.dendrite.processor;
