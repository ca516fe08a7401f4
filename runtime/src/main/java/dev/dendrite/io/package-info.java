/**
 * Files that keep a trained network: {@link dev.dendrite.io.ModelFiles} saves and loads
 * parameters and buffers as safetensors, {@link dev.dendrite.io.Checkpoint} adds the optimizer
 * state and the training progress, {@link dev.dendrite.io.SafeTensorsFile} and {@link
 * dev.dendrite.io.SafeTensorsWriter} read and write the format itself, and {@link
 * dev.dendrite.io.AtomicFiles} replaces a file so that an interrupted save leaves the previous one
 * intact.
 *
 * <p>Every malformed input is a {@link dev.dendrite.io.FileFormatException} whose message names
 * the file and the problem; nothing here uses Java serialization.
 */
package dev.dendrite.io;
