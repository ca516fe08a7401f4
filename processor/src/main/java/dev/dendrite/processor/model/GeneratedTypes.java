package dev.dendrite.processor.model;

import java.util.Map;
import java.util.Set;

/**
 * The types the source of a generated network refers to by simple name. The class writer refuses
 * to import any other, so that the rule on names that would hide them (DN112) knows them all.
 */
public final class GeneratedTypes {

  private GeneratedTypes() {}

  /**
   * The simple type names the source of a generated network may use, with the types they stand
   * for; the class writer refuses to import any other. An inherited member type of the same name
   * would be found first.
   */
  public static final Map<String, String> TYPE_NAMES = Map.ofEntries(
      Map.entry("Activation", "dev.dendrite.annotation.Activation"),
      Map.entry("Activations", "dev.dendrite.kernel.Activations"),
      Map.entry("Arrays", "java.util.Arrays"),
      Map.entry("Batches", "dev.dendrite.Batches"),
      Map.entry("Double", "java.lang.Double"),
      Map.entry("DoubleModel", "dev.dendrite.DoubleModel"),
      Map.entry("DoubleTensor", "dev.dendrite.DoubleTensor"),
      Map.entry("Generated", "javax.annotation.processing.Generated"),
      Map.entry("IllegalArgumentException", "java.lang.IllegalArgumentException"),
      Map.entry("IllegalStateException", "java.lang.IllegalStateException"),
      Map.entry("Initializers", "dev.dendrite.init.Initializers"),
      Map.entry("Kernels", "dev.dendrite.kernel.Kernels"),
      Map.entry("Layer", "dev.dendrite.Layer"),
      Map.entry("LayerSettings", "dev.dendrite.LayerSettings"),
      Map.entry("LossKernels", "dev.dendrite.kernel.LossKernels"),
      Map.entry("List", "java.util.List"),
      Map.entry("Loss", "dev.dendrite.annotation.Loss"),
      Map.entry("Math", "java.lang.Math"),
      Map.entry("MatrixKernels", "dev.dendrite.kernel.MatrixKernels"),
      Map.entry("Model", "dev.dendrite.Model"),
      Map.entry("Optimizer", "dev.dendrite.optim.Optimizer"),
      Map.entry("Override", "java.lang.Override"),
      Map.entry("Penalties", "dev.dendrite.kernel.Penalties"),
      Map.entry("PreluMode", "dev.dendrite.annotation.PreluMode"),
      Map.entry("Rng", "dev.dendrite.random.Rng"),
      Map.entry("String", "java.lang.String"),
      Map.entry("System", "java.lang.System"),
      Map.entry("Tensor", "dev.dendrite.Tensor"),
      Map.entry("Transposes", "dev.dendrite.kernel.Transposes"),
      Map.entry("Workers", "dev.dendrite.parallel.Workers"));

  /**
   * The type names the generated network calls static methods on, e.g. {@code Math.max(..)}. In
   * such an expression an inherited field of the same name would be found before the type.
   */
  public static final Set<String> QUALIFIER_NAMES = Set.of(
      "Activation", "Activations", "Arrays", "Batches", "Double", "Initializers", "Kernels",
      "LayerSettings", "List", "Loss", "LossKernels", "Math", "Penalties", "PreluMode", "System",
      "Transposes", "Workers");
}
