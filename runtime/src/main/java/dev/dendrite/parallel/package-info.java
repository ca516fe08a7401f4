/**
 * The small fixed pool of threads over which a generated network splits a large batch. Work is
 * partitioned the same way every time, and every sum over samples is taken in sample order by a
 * single thread, so results do not depend on how many threads run them.
 */
package dev.dendrite.parallel;
