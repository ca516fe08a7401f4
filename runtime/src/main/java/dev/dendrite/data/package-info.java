/**
 * Data in memory for training: {@link dev.dendrite.data.Dataset} (feature and target rows,
 * selection, shuffling from a seed, training/validation/test splits, bootstrap samples, one-hot
 * targets, the course's image scaling) and {@link dev.dendrite.data.Standardizer}.
 */
package dev.dendrite.data;
