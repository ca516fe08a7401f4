/**
 * The plain network model that the phases pass along: what the reader found in the source
 * ({@link dev.dendrite.processor.model.NetworkDecl}) and what the checker proved about it
 * ({@link dev.dendrite.processor.model.CheckedNetwork}). Records only, no javac types: positions
 * in the source travel as opaque {@link dev.dendrite.processor.model.SourceRef}s.
 */
package dev.dendrite.processor.model;
