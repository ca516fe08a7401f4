package dev.dendrite.processor.emit;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;

/** The number type a network is generated in, with the runtime types that go with it. */
enum Precision {
  FLOAT(TypeName.FLOAT, "Net", "Model", "Tensor"),
  DOUBLE(TypeName.DOUBLE, "NetDouble", "DoubleModel", "DoubleTensor");

  static final String RUNTIME = "dev.dendrite";

  final TypeName scalar;
  final TypeName vector;
  final TypeName matrix;
  final String classSuffix;
  final ClassName model;
  final ClassName tensor;

  Precision(TypeName scalar, String classSuffix, String model, String tensor) {
    this.scalar = scalar;
    this.vector = ArrayTypeName.of(scalar);
    this.matrix = ArrayTypeName.of(vector);
    this.classSuffix = classSuffix;
    this.model = ClassName.get(RUNTIME, model);
    this.tensor = ClassName.get(RUNTIME, tensor);
  }

  /** A literal of this type: {@code 0f} or {@code 0.0}. */
  String literal(double value) {
    if (this == FLOAT) {
      float f = (float) value;
      return f == Math.rint(f) && Math.abs(f) < 1e7 ? (long) f + "f" : f + "f";
    }
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? (long) value + ".0"
        : Double.toString(value);
  }
}
