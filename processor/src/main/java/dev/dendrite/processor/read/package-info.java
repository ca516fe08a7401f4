/**
 * The read phase: turns a {@code @Network} type element into a plain
 * {@link dev.dendrite.processor.model.NetworkDecl}, keeping the javac elements only inside the
 * {@link dev.dendrite.processor.read.ElementRef}s that diagnostics point at.
 */
package dev.dendrite.processor.read;
