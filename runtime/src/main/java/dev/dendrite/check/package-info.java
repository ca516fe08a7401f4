/**
 * The gradient check: compares the analytic gradients of a double-precision network with central
 * finite differences of its loss.
 */
package dev.dendrite.check;
