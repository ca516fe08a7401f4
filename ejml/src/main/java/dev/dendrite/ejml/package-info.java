/**
 * EJML interop: {@link dev.dendrite.ejml.MatrixPredictions} predicts with {@code FMatrixRMaj} and
 * {@code DMatrixRMaj} (one sample per row), {@link dev.dendrite.ejml.Matrices} converts matrices
 * to and from the rows networks and training take, and reads layer weights as matrices.
 */
package dev.dendrite.ejml;
