package dev.dendrite.processor.check;

import dev.dendrite.processor.model.NetworkDecl;

/** One rule of the catalogue. A rule reports what it finds and never throws. */
public interface Rule {

  /** Checks {@code network} and records any problem in {@code problems}. */
  void check(NetworkDecl network, Problems problems);
}
