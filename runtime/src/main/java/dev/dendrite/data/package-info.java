/**
 * Readers of data set files into memory: {@link dev.dendrite.data.IdxReader} for IDX (MNIST,
 * Fashion-MNIST) and {@link dev.dendrite.data.CsvReader} for numeric CSV tables, each plain or
 * gzip-compressed. Their results, {@link dev.dendrite.data.IdxFile} and {@link
 * dev.dendrite.data.CsvTable}, convert to the {@code float[][]} rows that networks take. A
 * malformed file is an {@link dev.dendrite.data.IdxFormatException} or a {@link
 * dev.dendrite.data.CsvFormatException}, naming the file and the problem; no other exception
 * escapes for bad input.
 */
package dev.dendrite.data;
