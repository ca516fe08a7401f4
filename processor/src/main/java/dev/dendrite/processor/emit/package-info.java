/**
 * The emit phase: writes the planned network as Java source with JavaPoet. The float network
 * {@code <Name>Net} extends the user's class and implements {@code dev.dendrite.Model}; the
 * optional {@code <Name>NetDouble} implements {@code dev.dendrite.DoubleModel} from the same plan.
 * {@link dev.dendrite.processor.emit.NetworkEmitter} assembles the class; {@code PassWriter}
 * writes the passes over the layers and {@code DenseWriter}, {@code DropoutWriter} and {@code
 * BatchNormWriter} each kind of layer's methods.
 */
package dev.dendrite.processor.emit;
