package dev.dendrite.processor.check;

/**
 * The catalogue of diagnostics, each with a stable id that appears in brackets at the start of its
 * message. Ids are never reused or renumbered: a rule that goes away leaves a gap. The hundreds
 * group the rules: 0 the processor itself, 1 the annotated class, 2 the layer fields, 3 the input,
 * 4 the settings of each layer, 5 the output layer and the loss, 6 batch normalization, flatten
 * and the options of {@code @Dense} (PRELU, initialisation). docs/diagnostics.md shows every rule
 * with an example and the message it prints.
 */
public enum RuleId {
  DN000(Problem.Severity.ERROR, "internal error in the processor"),

  DN101(Problem.Severity.ERROR, "@Network on a type that is not a class"),
  DN102(Problem.Severity.ERROR, "final network class"),
  DN103(Problem.Severity.ERROR, "private network class"),
  DN104(Problem.Severity.ERROR, "inner (non-static nested) network class"),
  DN105(Problem.Severity.ERROR, "generic network class"),
  DN106(Problem.Severity.ERROR, "no constructor the generated class can call"),
  DN107(Problem.Severity.ERROR, "no layers"),
  DN108(Problem.Severity.ERROR, "sealed network class"),
  DN109(Problem.Severity.ERROR, "abstract method the generated class does not implement"),
  DN110(Problem.Severity.ERROR, "method that clashes with a generated method"),
  DN111(Problem.Severity.ERROR, "generated class name already taken"),
  DN112(Problem.Severity.ERROR, "member that hides a name the generated code uses"),

  DN201(Problem.Severity.ERROR, "two layer annotations on one field"),
  DN202(Problem.Severity.ERROR, "static layer field"),
  DN203(Problem.Severity.ERROR, "final layer field"),
  DN204(Problem.Severity.ERROR, "private layer field"),
  DN205(Problem.Severity.ERROR, "layer field not of type dev.dendrite.Layer"),
  DN206(Problem.Severity.ERROR, "layer annotations in a class without @Network"),
  DN207(Problem.Severity.ERROR, "two layers whose generated member names collide"),
  DN208(Problem.Severity.ERROR, "layer name with '$'"),

  DN301(Problem.Severity.ERROR, "no @Input"),
  DN302(Problem.Severity.ERROR, "more than one @Input"),
  DN303(Problem.Severity.ERROR, "@Input not the first layer"),
  DN304(Problem.Severity.ERROR, "@Input dimension out of range"),
  DN305(Problem.Severity.ERROR, "only an @Input"),
  DN306(Problem.Severity.ERROR, "@Dense on a multi-dimensional input"),

  DN401(Problem.Severity.ERROR, "units <= 0"),
  DN402(Problem.Severity.ERROR, "dropout rate not in [0, 1)"),
  DN403(Problem.Severity.WARNING, "dropout rate 0"),
  DN404(Problem.Severity.ERROR, "activation alpha out of range"),
  DN405(Problem.Severity.WARNING, "alpha on an activation that takes none"),
  DN407(Problem.Severity.ERROR, "parameter count beyond the array index range"),
  DN408(Problem.Severity.ERROR, "weight penalty negative or not finite"),

  DN501(Problem.Severity.ERROR, "last layer not @Dense"),
  DN502(Problem.Severity.ERROR, "SOFTMAX on a hidden layer"),
  DN503(Problem.Severity.ERROR, "SOFTMAX on a single unit"),
  DN504(Problem.Severity.ERROR, "BINARY_CROSS_ENTROPY without a SIGMOID output"),
  DN505(Problem.Severity.ERROR, "CATEGORICAL_CROSS_ENTROPY without a SOFTMAX output"),
  DN506(Problem.Severity.WARNING, "MSE on a SIGMOID or SOFTMAX output"),

  DN601(Problem.Severity.ERROR, "@BatchNorm not after a @Dense layer"),
  DN602(Problem.Severity.ERROR, "@BatchNorm after another @BatchNorm"),
  DN603(Problem.Severity.WARNING, "@BatchNorm after @Dropout"),
  DN604(Problem.Severity.ERROR, "@BatchNorm momentum not in (0, 1)"),
  DN605(Problem.Severity.ERROR, "@BatchNorm epsilon not positive and finite"),
  DN606(Problem.Severity.ERROR, "SOFTMAX or PRELU on @BatchNorm"),
  DN607(Problem.Severity.WARNING, "an activation on both @Dense and its @BatchNorm"),
  DN608(Problem.Severity.WARNING, "bias of a LINEAR @Dense cancelled by @BatchNorm"),
  DN610(Problem.Severity.WARNING, "@Flatten on a vector"),
  DN611(Problem.Severity.ERROR, "PRELU alpha not finite"),
  DN612(Problem.Severity.WARNING, "preluMode without PRELU"),
  DN613(Problem.Severity.ERROR, "initScale not positive and finite"),
  DN614(Problem.Severity.WARNING, "initScale on an initialiser that ignores it");

  private final Problem.Severity severity;
  private final String title;

  RuleId(Problem.Severity severity, String title) {
    this.severity = severity;
    this.title = title;
  }

  /** Whether the rule reports an error or a warning; one rule never does both. */
  public Problem.Severity severity() {
    return severity;
  }

  /** A few words naming the mistake, as in the headings of docs/diagnostics.md. */
  public String title() {
    return title;
  }
}
